/** Turns a coded error into translated words (message + hint), params interpolated. */
import type { TFunction } from 'i18next'
import type { ErrorBody } from '../../src-preload/contract'
import { toast } from '../stores/use-toast-store'
import { ApiError } from './api'

/** The error body of anything thrown by an API call. */
export function errorBodyOf(err: unknown): ErrorBody {
  if (err instanceof ApiError) return err.body
  return { code: 'internal', message: 'Unexpected error' }
}

/** `{ message, hint }` in the current language for an error body. */
export function describeError(t: TFunction, body: ErrorBody): { message: string; hint: string } {
  const params = body.params ?? {}
  return {
    message: t(`errors:${body.code}`, { ...params, defaultValue: body.message }),
    hint: t(`errors:${body.code}Hint`, { ...params, defaultValue: '' }),
  }
}

/** Anything thrown by an API call as one translated sentence: message, then hint. */
export function errorText(t: TFunction, err: unknown): string {
  const d = describeError(t, errorBodyOf(err))
  return `${d.message} ${d.hint}`.trim()
}

/** Shows anything thrown by an API call as an error toast: the message, the hint below it. */
export function toastError(t: TFunction, err: unknown): void {
  const d = describeError(t, errorBodyOf(err))
  toast({ kind: 'error', title: d.message, body: d.hint })
}
