/**
 * Master key in the OS keychain through keytar (service `Switchboard`, account `master-key`):
 * 32 random bytes created on first use. keytar is an optional native module; when it cannot be
 * loaded, or the Secret Service does not answer, the source is unavailable with a reason and the
 * vault moves to the next source. `SWITCHBOARD_KEYCHAIN_SERVICE` overrides the service name (tests
 * use it so they never touch a user's real entry).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { newMasterKey, KEY_BYTES } from './cipher'
import type { Availability, KeySource } from './types'

/** The part of keytar the vault uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export const KEYCHAIN_ACCOUNT = 'master-key'
export const KEYCHAIN_PENDING_ACCOUNT = 'master-key.pending'

type Loaded = { ok: true; keytar: KeytarLike } | { ok: false; detail: string }

/**
 * Where keytar may sit beside a standalone CLI (a Node single-executable application cannot
 * `require` from node_modules): the installed app's unpacked resources
 * (`resources/cli/switchboard-bin` → `resources/app.asar.unpacked/node_modules/keytar`; the same
 * from `resources/cli/switchboard.cjs` under a system Node), or a
 * copy next to the executable (the AppImage install copies the CLI folder out of its mount).
 * keytar 7 is an N-API module, so the one built for Electron loads in plain Node too.
 */
export function keytarCandidates(anchors: readonly (string | undefined)[]): string[] {
  const out: string[] = []
  for (const anchor of anchors) {
    if (!anchor) continue
    const dir = path.dirname(path.resolve(anchor))
    out.push(
      path.join(dir, '..', 'app.asar.unpacked', 'node_modules', 'keytar'),
      path.join(dir, 'node_modules', 'keytar'),
    )
  }
  return [...new Set(out)]
}

type KeytarModule = KeytarLike & { default?: KeytarLike }

const pick = (mod: KeytarModule): Loaded => {
  const keytar = typeof mod.getPassword === 'function' ? mod : mod.default
  if (!keytar || typeof keytar.getPassword !== 'function')
    return { ok: false, detail: 'keytar has no getPassword' }
  return { ok: true, keytar }
}
const reason = (err: unknown) => String((err as Error)?.message ?? err).slice(0, 200)

/** keytar from the folders beside a standalone CLI (see keytarCandidates). */
export function loadKeytarBeside(anchors: readonly (string | undefined)[]): Loaded {
  let detail = 'keytar was not found beside the executable'
  for (const dir of keytarCandidates(anchors)) {
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue
    try {
      return pick(createRequire(path.join(dir, 'package.json'))(dir) as KeytarModule)
    } catch (err) {
      detail = reason(err)
    }
  }
  return { ok: false, detail }
}

/** Loads keytar with a guarded dynamic require, so a missing native module is a reason, not a crash. */
export function loadKeytar(
  // The executable (a standalone CLI) and the script (the launcher's `node switchboard.cjs`).
  anchors: readonly (string | undefined)[] = [process.execPath, process.argv[1]],
): Loaded {
  let first: Loaded
  try {
    // A variable name keeps bundlers from trying to inline the native module.
    const name = 'keytar'
    const req: NodeJS.Require =
      typeof require === 'function' ? require : createRequire(`${process.cwd()}/`)
    return pick(req(name) as KeytarModule)
  } catch (err) {
    first = { ok: false, detail: reason(err) }
  }
  const beside = loadKeytarBeside(anchors)
  return beside.ok ? beside : first
}

export interface KeychainSourceOptions {
  env: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  /** Injected keytar (tests); undefined loads the real module, null means "not installed". */
  keytar?: KeytarLike | null
  /** A keychain that does not answer in this time counts as unavailable (default 5 s). */
  timeoutMs?: number
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('keychain_timeout')), ms)
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    )
  })
}

function decodeKey(text: string | null): Buffer | null {
  if (!text) return null
  const key = Buffer.from(text, 'base64')
  if (key.length !== KEY_BYTES) throw new Error('keychain_entry_invalid')
  return key
}

/** The keychain source. */
export function createKeychainSource(options: KeychainSourceOptions): KeySource {
  const { env } = options
  const platform = options.platform ?? process.platform
  const service = env.SWITCHBOARD_KEYCHAIN_SERVICE || 'Switchboard'
  const timeoutMs = options.timeoutMs ?? 5000
  let loaded: Loaded | undefined
  const keytar = (): Loaded => {
    if (options.keytar === null) return { ok: false, detail: 'keytar is not installed' }
    if (options.keytar) return { ok: true, keytar: options.keytar }
    return (loaded ??= loadKeytar())
  }
  const need = (): KeytarLike => {
    const k = keytar()
    if (!k.ok) throw new Error('keytar_missing')
    return k.keytar
  }
  const get = (account: string) => withTimeout(need().getPassword(service, account), timeoutMs)
  const set = (account: string, value: string) =>
    withTimeout(need().setPassword(service, account, value), timeoutMs)

  return {
    id: 'keychain',
    async probe(): Promise<Availability> {
      const k = keytar()
      if (!k.ok) return { available: false, reason: 'keytar_missing', detail: k.detail }
      // libsecret needs a session bus; without one it would try (and fail) to autolaunch one.
      if (platform === 'linux' && !env.DBUS_SESSION_BUS_ADDRESS) {
        return { available: false, reason: 'no_session_bus' }
      }
      try {
        decodeKey(await get(KEYCHAIN_ACCOUNT))
        return { available: true, reason: null }
      } catch (err) {
        const msg = String((err as Error)?.message ?? err)
        if (msg === 'keychain_timeout' || msg === 'keychain_entry_invalid') {
          return { available: false, reason: msg }
        }
        return { available: false, reason: 'keychain_unavailable', detail: msg.slice(0, 200) }
      }
    },
    async current(_salt, create) {
      const existing = decodeKey(await get(KEYCHAIN_ACCOUNT))
      if (existing || !create) return existing
      const key = newMasterKey()
      await set(KEYCHAIN_ACCOUNT, key.toString('base64'))
      return key
    },
    async stage() {
      const key = newMasterKey()
      await set(KEYCHAIN_PENDING_ACCOUNT, key.toString('base64'))
      return { key, salt: null }
    },
    async staged() {
      try {
        return decodeKey(await get(KEYCHAIN_PENDING_ACCOUNT))
      } catch {
        return null
      }
    },
    async promote() {
      const pending = await get(KEYCHAIN_PENDING_ACCOUNT)
      if (!pending) return
      await set(KEYCHAIN_ACCOUNT, pending)
      await withTimeout(need().deletePassword(service, KEYCHAIN_PENDING_ACCOUNT), timeoutMs)
    },
  }
}
