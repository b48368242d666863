import { useTranslation } from 'react-i18next'
import { useToastStore } from '../stores/use-toast-store'

/** The live region that shows toasts; screen readers announce them politely. */
export function Toaster() {
  const { t } = useTranslation()
  const toasts = useToastStore((s) => s.toasts)
  const dismiss = useToastStore((s) => s.dismiss)
  return (
    <section className="toaster" aria-live="polite" aria-label={t('notifications')}>
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast ${toast.kind}`}
          role={toast.kind === 'error' ? 'alert' : 'status'}
        >
          <div className="toast-text">
            <strong>{toast.title}</strong>
            {toast.body ? <span>{toast.body}</span> : null}
          </div>
          <button
            type="button"
            className="icon-btn"
            aria-label={t('dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </section>
  )
}
