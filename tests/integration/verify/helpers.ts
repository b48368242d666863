/**
 * The verification check's test world: a real app context on a temp data directory behind the
 * real IPC dispatcher (tests/support/ipc-harness.ts), a credential pointed at a fake server, a
 * registered model, and a way to run one check and collect its events.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import type { VerifyEvent, VerifyEventPayload } from '../../../src-preload/contract/verify'
import { createGuardedFetch } from '../../../src-main/net'
import type { DecryptedCredential } from '../../../src-main/providers/adapter-types'
import { getAdapter } from '../../../src-main/providers/adapters'
import { getProvider } from '../../../src-main/providers/catalog'
import { createVerifyService, type VerifyService } from '../../../src-main/services/verify-model'
import { createSttClipLoader, sttClipCandidates } from '../../../src-main/services/stt-clip'
import { ipcHarness } from '../../support/ipc-harness'

export const MASTER = { SWITCHBOARD_ENCRYPTION_KEY: 'verify test master passphrase' }

const homes: string[] = []
const servers: Array<{ close(): Promise<void> }> = []

/** Keeps a fake server to be closed by `cleanWorlds`; returns it. */
export function track<S extends { close(): Promise<void> }>(server: S): S {
  servers.push(server)
  return server
}

/** Closes the tracked fake servers and removes the temp data directories (each file's afterEach). */
export async function cleanWorlds(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()))
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true })
}

/** A harness with one credential and one registered model on it. */
export async function verifyWorld(
  credential: Record<string, unknown>,
  model: { name: string; type: string },
) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-verify-'))
  homes.push(home)
  const h = ipcHarness(home, {
    ...MASTER,
    SWITCHBOARD_HOME: home,
    SWITCHBOARD_DETECT_DEFAULTS: '0',
  })
  const created = await h.call('credentials:create', credential)
  expect(created.ok, JSON.stringify(created.error)).toBe(true)
  const credentialId = created.data.id as string
  const reg = await h.call('models:register', { credentialId, models: [model] })
  expect(reg.ok, JSON.stringify(reg.error)).toBe(true)
  const modelId = reg.data.created[0].id as string
  return { h, credentialId, modelId }
}

/** A world whose credential points at `server`, with the server and the check's target. */
export async function worldOn<S>(
  server: S,
  credential: Record<string, unknown>,
  model: { name: string; type: string },
) {
  const w = await verifyWorld(credential, model)
  return { ...w, server, target: { credentialId: w.credentialId, modelId: w.modelId } }
}

type Harness = Awaited<ReturnType<typeof verifyWorld>>['h']

/** The `verify:event` payloads of one run, in the order main sent them. */
export function runEvents(h: Harness, runId: string): VerifyEventPayload[] {
  return h.events
    .filter((e) => (e as [string])[0] === 'verify:event')
    .map((e) => (e as [string, VerifyEventPayload])[1])
    .filter((p) => p.runId === runId)
}

const END = new Set(['done', 'failed', 'cancelled'])

/** Waits for the run's end event (or fails after `ms`). */
export async function waitForEnd(h: Harness, runId: string, ms = 20_000): Promise<VerifyEvent[]> {
  const until = Date.now() + ms
  for (;;) {
    const events = runEvents(h, runId)
    if (events.some((p) => END.has(p.event.kind))) return events.map((p) => p.event)
    if (Date.now() > until) throw new Error(`run ${runId} did not end: ${JSON.stringify(events)}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Waits until `check` holds (state, not timing). */
export async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/**
 * A verification service over a world's store with the two seams the IPC path does not offer: a
 * rewrite of the decrypted credential (Vertex has no base-URL field, so the fake's URL is put in,
 * as the Vertex adapter tests do) and a short deadline. Its events land in `h.events` as the
 * app's would.
 */
export function directVerify(
  h: Harness,
  o: { rewrite?: (c: DecryptedCredential) => DecryptedCredential; timeoutMs?: number } = {},
): VerifyService {
  return createVerifyService({
    store: h.app.store,
    getDecrypted: async (id) => (o.rewrite ?? ((c) => c))(await h.app.credentials.getDecrypted(id)),
    getProvider,
    getAdapter,
    fetch: createGuardedFetch({ env: {} }),
    sttClip: createSttClipLoader(sttClipCandidates()),
    emitEvent: (payload) => void h.events.push(['verify:event', payload]),
    emitOpenRequested: () => undefined,
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
  })
}

/**
 * Starts a check — through IPC, or through `via` (a ./directVerify service) — and waits for its
 * end; the run's events in order.
 */
export async function check(
  h: Harness,
  target: { credentialId: string; modelId: string },
  prompt?: string,
  via?: VerifyService,
) {
  const req = { ...target, ...(prompt ? { prompt } : {}) }
  const res = via ? { ok: true, data: await via.start(req) } : await h.call('verify:start', req)
  expect(res.ok, JSON.stringify((res as { error?: unknown }).error)).toBe(true)
  const runId = res.data.runId as string
  const events = await waitForEnd(h, runId)
  const payloads = runEvents(h, runId)
  // seq grows by one from 0, and nothing follows the end event.
  expect(payloads.map((p) => p.seq)).toEqual(payloads.map((_, i) => i))
  expect(events.filter((e) => END.has(e.kind))).toHaveLength(1)
  expect(END.has(events.at(-1)!.kind)).toBe(true)
  return { runId, events, text: replyText(events) }
}

/** The reply as the renderer would show it: the deltas joined. */
export function replyText(events: VerifyEvent[]): string {
  return events.map((e) => (e.kind === 'delta' ? e.text : '')).join('')
}

/** The end event of a run. */
export function endOf(events: VerifyEvent[]): VerifyEvent {
  return events.at(-1)!
}
