/**
 * The tray icon: a small service with an injected factory and an idempotent render(state).
 * The menu itself comes from the pure buildTrayMenu (src-main/tray/menu.ts).
 */
import path from 'node:path'
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron'
import { buildTrayMenu, trayHealth, type TrayAction, type TrayState } from '../tray/menu'

type Translate = (key: string, params?: Record<string, unknown>) => string

export interface TrayLike {
  setImage(image: Electron.NativeImage): void
  setToolTip(tip: string): void
  setContextMenu(menu: Electron.Menu | null): void
  destroy(): void
}

export class TrayService {
  private tray: TrayLike | null = null
  private lastKey = ''
  private lastState: TrayState | null = null

  constructor(
    private readonly assetsDir: string,
    private t: Translate,
    private readonly actions: Record<TrayAction, () => void>,
    private readonly createTray: (icon: Electron.NativeImage) => TrayLike = (icon) =>
      new Tray(icon),
  ) {}

  private icon(state: TrayState): Electron.NativeImage {
    return nativeImage.createFromPath(path.join(this.assetsDir, 'tray', `${trayHealth(state)}.png`))
  }

  /** Shows the state; does nothing when the menu and icon would not change. */
  render(state: TrayState): void {
    this.lastState = state
    const template = buildTrayMenu(state, this.t)
    const key = JSON.stringify([trayHealth(state), template])
    if (key === this.lastKey && this.tray) return
    this.lastKey = key
    if (!this.tray) this.tray = this.createTray(this.icon(state))
    else this.tray.setImage(this.icon(state))
    this.tray.setToolTip(`${this.t('tray:tooltip')} — ${template[0]?.label ?? ''}`)
    const items: MenuItemConstructorOptions[] = template.map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : {
            label: item.label,
            enabled: item.enabled ?? true,
            click: item.action ? this.actions[item.action] : undefined,
          },
    )
    this.tray.setContextMenu(Menu.buildFromTemplate(items))
  }

  /** Switches the menu's language (the preference changed) and redraws at once. */
  setTranslator(t: Translate): void {
    this.t = t
    this.lastKey = ''
    if (this.lastState) this.render(this.lastState)
  }

  destroy(): void {
    this.tray?.destroy()
    this.tray = null
  }
}
