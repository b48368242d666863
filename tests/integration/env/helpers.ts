/** Shared helpers for the env migration, env export and backup tests. */
import { createAppContext } from '../../../src-main/app-context'
import { tmpHome } from '../../support/home'

export const PASS = { SWITCHBOARD_ENCRYPTION_KEY: 'env tests master passphrase' }

/** A fresh data directory. */
export const tmpDir = (prefix = 'sb-env-'): string => tmpHome(prefix)

/** An app context over `home` whose environment is exactly `env` (plus the master passphrase unless `locked`). */
export function appWith(
  home: string,
  env: Record<string, string>,
  options: { locked?: boolean } = {},
) {
  return createAppContext({ home, env: { ...(options.locked ? {} : PASS), ...env } })
}

export { snapshot } from '../vault/helpers'

/** The code of the error a promise rejects with ('resolved' when it does not). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'resolved'
  } catch (e) {
    return (e as { code?: string }).code ?? 'no-code'
  }
}

/** The forms a secret could leak in: plain, base64, base64url, hex. */
export function leakForms(secret: string): string[] {
  const b = Buffer.from(secret)
  return [secret, b.toString('base64'), b.toString('base64url'), b.toString('hex')]
}
