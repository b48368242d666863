import type { AppContext } from '../../app-context'
import type { DomainHandlers } from './types'

/**
 * Handlers of the `settings:*` channels: env migration and encrypted backups. Backups go to and
 * come from a path the user typed (main does the file work; the renderer cannot). The Electron
 * edge could later offer a save / open dialog and pass its path here unchanged.
 */
export function settingsHandlers(app: AppContext): DomainHandlers<'settings'> {
  return {
    'settings:getPreferences': () => app.preferences.get(),
    'settings:setPreferences': (patch) => app.preferences.set(patch),
    'settings:envStatus': () => app.envMigration.status(),
    'settings:migrateEnv': ({ dryRun }) => app.envMigration.migrate({ dryRun }),
    'settings:exportBackup': ({ path, passphrase, overwrite }) =>
      app.backup.exportTo(path, passphrase, { overwrite }),
    'settings:importBackup': ({ path, passphrase }) => app.backup.importFrom(path, passphrase),
  }
}
