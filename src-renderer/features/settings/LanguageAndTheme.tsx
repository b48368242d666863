import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { locales, type Locale } from '../../../src-shared/i18n/locale-tags'
import { useSettingsStore } from '../../stores/use-settings-store'
import { themePreferences } from '../../../src-preload/contract/theme-names'
import { useThemeStore } from '../../stores/use-theme-store'

/** Each language named in itself, so a person can find theirs whatever the current language. */
const NATIVE_NAMES: Record<string, string> = {
  'en-US': 'English (US)',
  'it-IT': 'Italiano',
  'ja-JP': '日本語',
  'pt-BR': 'Português (Brasil)',
  'ru-RU': 'Русский',
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
}

/** The language select and the theme radio group. */
export function LanguageAndTheme() {
  const { t } = useTranslation('settings')
  const language = useSettingsStore((s) => s.language)
  const setLanguage = useSettingsStore((s) => s.setLanguage)
  const choice = useThemeStore((s) => s.choice)
  const setChoice = useThemeStore((s) => s.setChoice)
  const langId = useId()
  return (
    <section className="card settings-section" aria-labelledby={`${langId}-h`}>
      <h2 id={`${langId}-h`}>{t('appearance.title')}</h2>
      <div className="field">
        <label htmlFor={langId}>{t('language.label')}</label>
        <select
          id={langId}
          value={language ?? ''}
          onChange={(e) => setLanguage((e.target.value || null) as Locale | null)}
        >
          <option value="">{t('language.system')}</option>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {NATIVE_NAMES[l] ?? l}
            </option>
          ))}
        </select>
        <span className="hint">{t('language.hint')}</span>
      </div>
      <fieldset className="field theme-choice">
        <legend>{t('theme.label')}</legend>
        {themePreferences.map((c) => (
          <label key={c} className="radio">
            <input
              type="radio"
              name="theme"
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
            />
            {t(`theme.${c}`)}
          </label>
        ))}
      </fieldset>
    </section>
  )
}
