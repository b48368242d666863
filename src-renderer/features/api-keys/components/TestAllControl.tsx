import { useTranslation } from 'react-i18next'
import { toastError } from '../../../lib/errors'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { toast } from '../../../stores/use-toast-store'

/** "Test all" in the page header; while running, live progress and a Stop button. */
export function TestAllControl({ total }: { total: number }) {
  const { t } = useTranslation('apiKeys')
  const running = useCredentialsStore((s) => s.testAllRunning)
  const pending = useCredentialsStore((s) => Object.keys(s.testing).length)

  async function run() {
    try {
      const res = await useCredentialsStore.getState().testAll()
      if (!res) return
      if (res.cancelled) {
        toast({ kind: 'info', title: t('testAllCancelled') })
        return
      }
      const passed = res.results.filter((r) => r.ok).length
      toast({
        kind: passed === res.results.length ? 'success' : 'error',
        title: t('testAllDone', {
          count: res.results.length,
          passed,
          seconds: (res.elapsedMs / 1000).toFixed(1),
        }),
      })
    } catch (err) {
      toastError(t, err)
    }
  }

  if (running) {
    return (
      <div className="row test-all-running" role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{t('testingAll', { done: Math.max(0, total - pending), total })}</span>
        <button
          type="button"
          className="btn small"
          onClick={() => void useCredentialsStore.getState().cancelTests()}
        >
          {t('cancelTests')}
        </button>
      </div>
    )
  }
  return (
    <button type="button" className="btn primary" onClick={() => void run()} disabled={total === 0}>
      {t('testAll')}
    </button>
  )
}
