import './zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { initI18n } from './i18n'
import { chooseLanding } from './app/landing'
import { loadPreferences } from './lib/preferences'
import { startEventBridge } from './stores/event-bridge'
import { useSettingsStore } from './stores/use-settings-store'
import { useThemeStore } from './stores/use-theme-store'

// Preferences live in main: read them (one IPC call) first, so the page starts in the chosen
// language and theme; the active locale's strings are their own chunk: render once they are in.
// Where to land (first-run screen or overview) is asked at the same time.
const landing = chooseLanding()
void loadPreferences()
  .catch(() => null)
  .then(async (prefs) => {
    await landing
    await initI18n(prefs?.language ?? null)
    if (prefs) {
      useSettingsStore.getState().receive(prefs)
      useThemeStore.getState().receive(prefs.theme)
    }
    // The one subscription to main's events, for the app's lifetime (stores/event-bridge.ts).
    startEventBridge()
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  })
