import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from './Dialog'

interface ConfirmDialogProps {
  /** Defaults to true: most callers mount the dialog only while it is open. */
  open?: boolean
  title: string
  onClose: () => void
  onConfirm: () => void
  confirmLabel: string
  /** The confirm button's look: `primary`, `danger` (outlined) or `danger-solid`. */
  tone: 'primary' | 'danger' | 'danger-solid'
  /** A confirmation in flight: the confirm button is disabled. */
  busy?: boolean
  /** Confirm is also held back while this is true (e.g. the impact is still being read). */
  confirmDisabled?: boolean
  /** Cancel is disabled while busy too (the action cannot be walked away from half-way). */
  lockCancelWhileBusy?: boolean
  children: ReactNode
}

/** A Cancel / Confirm dialog on `Dialog`: Cancel first, so it takes the initial focus. */
export function ConfirmDialog({
  open = true,
  title,
  onClose,
  onConfirm,
  confirmLabel,
  tone,
  busy,
  confirmDisabled,
  lockCancelWhileBusy,
  children,
}: ConfirmDialogProps) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="btn"
            onClick={onClose}
            disabled={(lockCancelWhileBusy && busy) || undefined}
          >
            {t('common:cancel')}
          </button>
          <button
            type="button"
            className={`btn ${tone}`}
            onClick={onConfirm}
            disabled={busy || confirmDisabled || undefined}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}
