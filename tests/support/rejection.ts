/** What a promise that must fail with a coded error rejected with (the test fails otherwise). */
import { expect } from 'vitest'
import { AppError } from '../../src-main/errors'

/** Awaits `p`, expects it to reject with an AppError, and returns that error. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(AppError)
  return err as AppError
}
