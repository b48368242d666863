/** Shared helpers for the vault, store and credentials tests: temp homes, an in-memory keytar. */
import fs from 'node:fs'
import path from 'node:path'
import { getProvider } from '../../../src-main/providers/catalog'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { createFileStore } from '../../../src-main/store/file-store'
import type { KeytarLike } from '../../../src-main/vault/keychain-source'
import { createDefaultVault } from '../../../src-main/vault/vault'
import type { PlatformBridge } from '../../../src-main/app-context'

export { tmpHome } from '../../support/home'

/** An in-memory keytar: entries keyed `service/account`. */
export function memKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>()
  return {
    entries,
    async getPassword(s, a) {
      return entries.get(`${s}/${a}`) ?? null
    },
    async setPassword(s, a, p) {
      entries.set(`${s}/${a}`, p)
    },
    async deletePassword(s, a) {
      return entries.delete(`${s}/${a}`)
    },
  }
}

export interface SetupOptions {
  env?: NodeJS.ProcessEnv
  /** Injected keytar; absent or null = not installed (unless realKeytar). */
  keytar?: KeytarLike | null
  /** Load the real keytar module (the real-keyring test). */
  realKeytar?: boolean
  platform?: PlatformBridge
}

/** A store, vault and credentials service over one home, as a fresh process would build them. */
export function setup(home: string, options: SetupOptions = {}) {
  const env = options.env ?? {}
  const store = createFileStore(home)
  const vault = createDefaultVault({
    home,
    env,
    store,
    keytar: options.realKeytar ? undefined : (options.keytar ?? null),
    platform: options.platform,
    os: 'linux',
  })
  const credentials = createCredentialsService({ store, vault, getProvider })
  return { store, vault, credentials }
}

/** Every file under `dir` with its bytes (recursive), the log folder included. */
export function everyFile(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  if (!fs.existsSync(dir)) return out
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name)
    if (fs.statSync(p).isFile()) out.set(name, fs.readFileSync(p))
  }
  return out
}

/**
 * The data under `dir`: every file but the log folder's. A refused request may leave a log line
 * (a refused sender is worth a warning) yet must change no data.
 */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = everyFile(dir)
  for (const name of [...out.keys()]) if (name.split(path.sep)[0] === 'logs') out.delete(name)
  return out
}

/** Concatenated bytes of every file in `dir` (logs too), as latin1 text for substring checks. */
export function allBytes(dir: string): string {
  return [...everyFile(dir).values()].map((b) => b.toString('latin1')).join('\n')
}

/** The code of the AppError a promise rejects with. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'resolved'
  } catch (e) {
    return (e as { code?: string }).code ?? 'no-code'
  }
}

export const ENV_KEY = { SWITCHBOARD_ENCRYPTION_KEY: 'correct horse battery staple' }
