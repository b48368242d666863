import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { EnvStatusView, MigrateEnvResult } from '../../../src-preload/contract'
import { Banner } from '../../components/Banner'
import { ErrorText } from '../../components/ErrorText'
import { describeError, errorText } from '../../lib/errors'
import { useEnvStore } from '../../stores/use-env-store'
import { toast } from '../../stores/use-toast-store'

/** "OpenAI, Google AI and Azure OpenAI" in the current language. */
export function joinNames(names: string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(names)
  } catch {
    return names.join(', ')
  }
}

/** A migration result in words: one sentence per outcome (imported, already there, failed). */
export function migrationWords(
  t: TFunction,
  result: MigrateEnvResult,
  status: EnvStatusView | null,
  language: string,
  dryRun = false,
): string[] {
  const name = (id: string) => status?.found.find((f) => f.provider === id)?.displayName ?? id
  const names = (ids: string[]) => joinNames(ids.map(name), language)
  const lines: string[] = []
  if (result.migrated.length) {
    lines.push(
      t(dryRun ? 'settings:envResult.wouldMigrate' : 'settings:envResult.migrated', {
        providers: names(result.migrated),
      }),
    )
  }
  if (result.skipped.length)
    lines.push(t('settings:envResult.skipped', { providers: names(result.skipped) }))
  for (const e of result.errors) {
    const d = describeError(t, { code: e.code, message: e.message })
    lines.push(t('settings:envResult.failed', { provider: name(e.provider), message: d.message }))
  }
  if (!lines.length) lines.push(t('settings:envResult.nothing'))
  return lines
}

/**
 * The amber banner above every page: provider keys are set in the app's environment and not
 * imported yet. "Import" runs the migration and says what happened; "Dismiss" hides it until
 * the app restarts.
 */
export function EnvKeysBanner() {
  const { t, i18n } = useTranslation('settings')
  const status = useEnvStore((s) => s.status)
  const dismissed = useEnvStore((s) => s.dismissed)
  const load = useEnvStore((s) => s.load)
  const migrate = useEnvStore((s) => s.migrate)
  const dismiss = useEnvStore((s) => s.dismiss)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    // Watched: a deleted credential may make an environment key importable again.
    const unwatch = useEnvStore.getState().watch()
    void load()
    return unwatch
  }, [load])

  if (dismissed || !status || status.vault !== 'unlocked' || !status.pending.length) return null
  const pending = status.found.filter((f) => f.state === 'pending')

  const runImport = async () => {
    setBusy(true)
    setError(null)
    try {
      const result = await migrate(false)
      const lines = migrationWords(t, result, status, i18n.language)
      toast({ kind: result.errors.length ? 'error' : 'success', title: lines.join(' ') })
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Banner
      tone="warning"
      title={t('envBanner.title', { count: pending.length })}
      action={
        <div className="row">
          <button
            type="button"
            className="btn primary small"
            disabled={busy}
            onClick={() => void runImport()}
          >
            {busy ? t('envBanner.importing') : t('envBanner.import')}
          </button>
          <button type="button" className="btn small" onClick={dismiss}>
            {t('common:dismiss')}
          </button>
        </div>
      }
    >
      {t('envBanner.body', {
        providers: joinNames(
          pending.map((p) => p.displayName),
          i18n.language,
        ),
        variables: pending.flatMap((p) => p.variables).join(', '),
      })}
      <ErrorText message={error} />
    </Banner>
  )
}
