import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface DialogProps {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons at the bottom (Cancel / Save …). */
  footer?: ReactNode
  size?: 'normal' | 'wide'
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, makes the page behind inert
 * and sends Escape as `cancel`. Focus returns to what opened it when it closes.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'normal' }: DialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (open && !el.open) {
      opener.current = document.activeElement
      el.showModal()
      const first = el.querySelector<HTMLElement>(
        '[autofocus], input, select, textarea, button:not(.dialog-close)',
      )
      first?.focus()
    } else if (!open && el.open) {
      el.close()
      if (opener.current instanceof HTMLElement) opener.current.focus()
    }
  }, [open])

  return (
    <dialog
      ref={ref}
      className={`dialog ${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {open ? (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button
              type="button"
              className="icon-btn dialog-close"
              aria-label={t('close')}
              onClick={onClose}
            >
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer ? <footer className="dialog-footer">{footer}</footer> : null}
        </>
      ) : null}
    </dialog>
  )
}
