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

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])'

/** A radio is a tab stop only when checked, or when no radio of its group is. */
function isTabStop(el: HTMLElement, dialog: HTMLDialogElement): boolean {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.checked) return true
  const group = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter(
    (r) => r.name === el.name,
  )
  return !group.some((r) => r.checked)
}

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last. A modal
 * <dialog> makes the page behind inert, but the browser still lets Tab leave the document (to
 * its own toolbar); this keeps focus inside the dialog.
 */
function wrapFocus(dialog: HTMLDialogElement, e: React.KeyboardEvent) {
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0 && isTabStop(el, dialog),
  )
  if (!items.length) return
  const first = items[0]!
  const last = items[items.length - 1]!
  const active = document.activeElement
  if (e.shiftKey && (active === first || active === dialog)) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && active === last) {
    e.preventDefault()
    first.focus()
  }
}

/** Focus back to the opener, or to the page's heading when the opener is gone (deleted row). */
function returnFocus(opener: Element | null) {
  if (opener instanceof HTMLElement && opener.isConnected) opener.focus()
  else document.getElementById('page-title')?.focus()
}

/**
 * A modal dialog on the native <dialog>: the browser makes the page behind inert and sends
 * Escape as `cancel`; Tab wraps inside it. Focus returns to what opened it when it closes.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'normal' }: DialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const opener = useRef<Element | null>(null)

  // Most callers unmount the dialog instead of passing open={false}: hand focus back then too
  // (after the dialog has left the top layer, or the opener would still be inert).
  useEffect(() => {
    const el = ref.current
    return () => {
      if (!el?.open) return
      el.close()
      returnFocus(opener.current)
    }
  }, [])

  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (open && !el.open) {
      opener.current = document.activeElement
      el.showModal()
      // A control marked data-autofocus (discovery's search box once the listing is there) wins
      // wherever it sits: a child's own focus() in its mount effect ran before this one, while
      // the dialog was still hidden, and did nothing. Otherwise a control marked
      // data-no-autofocus (a guide's disclosure above a form) is skipped, so focus starts in the
      // form's first field.
      const first =
        el.querySelector<HTMLElement>('[data-autofocus]') ??
        el.querySelector<HTMLElement>(
          'input, select, textarea, button:not(.dialog-close):not([data-no-autofocus])',
        )
      first?.focus()
    } else if (!open && el.open) {
      el.close()
      returnFocus(opener.current)
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
      onKeyDown={(e) => {
        if (e.key === 'Tab') wrapFocus(e.currentTarget, e)
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
