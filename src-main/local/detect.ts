/**
 * Local server detection (DESIGN §8). Every target is probed at once, and every request of the
 * sweep shares one deadline, so a sweep takes as long as its slowest probe (≤ timeoutMs), not the
 * sum: a closed port fails at once, a port that accepts and never answers is cut at the deadline,
 * and a hard timer ends the sweep even if some body read ignored the abort.
 */
import type {
  DetectResult,
  DetectedServer,
  ServerKind,
  TargetSource,
} from '../../src-preload/contract/local'
import { AppError } from '../errors'
import { checkUrl } from '../net'
import type { GuardedFetch } from '../providers/adapter-types'
import { classifyByName, type ClassifyByName } from '../providers/classify'
import { parseOllamaHost } from './ollama-host'
import {
  PROBES,
  credentialBaseUrl,
  kindForPort,
  providerForKind,
  type JsonAnswer,
  type Listing,
  type ProbeContext,
} from './probes'

/** One address to probe. */
export interface ProbeTarget {
  baseUrl: string
  source: TargetSource
  /**
   * The kind to report when the target only answers generic OpenAI `/v1/models` (Jan has no
   * endpoint of its own, so a generic answer on Jan's port is called Jan).
   */
  genericKind?: ServerKind
}

export interface DetectOptions {
  /** The guarded fetch (src-main/net): loopback and LAN pass, metadata and link-local do not. */
  fetch: GuardedFetch
  env?: NodeJS.ProcessEnv
  /** User-added base URLs (a LAN box). */
  extraTargets?: readonly string[]
  /** Replaces the default target list (tests point it at fake servers on free ports). */
  targets?: readonly ProbeTarget[]
  /** Adds `OLLAMA_HOST` (default true, also with `targets`). */
  includeOllamaHost?: boolean
  timeoutMs?: number
  signal?: AbortSignal
  classify?: ClassifyByName
  now?: () => number
}

const LOOPBACK = 'http://127.0.0.1'

/**
 * The default targets of DESIGN §8 (one per port; 8080 is llama.cpp or LocalAI, 8000 vLLM or
 * oMLX). A generic answer on Jan's or LM Studio's port is called by its name (kindForPort).
 */
export function defaultTargets(): ProbeTarget[] {
  const ports = [11434, 1234, 8080, 8000, 1337, 5001, 5000]
  return ports.map((port) => {
    const kind = kindForPort(String(port))
    return {
      baseUrl: `${LOOPBACK}:${port}`,
      source: 'default' as const,
      ...(kind ? { genericKind: kind } : {}),
    }
  })
}

/**
 * A server root from what a person typed: scheme added when missing, trailing slashes and API
 * segments (`/v1`, `/api`, `/api/v0`) removed. Null when it is not an http(s) URL.
 */
export function normalizeTargetUrl(input: string): string | null {
  let s = input.trim()
  if (!s) return null
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `http://${s}`
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return null
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    return null
  }
  const path = url.pathname
    .replace(/\/+$/, '')
    .replace(/\/(v1|api\/v0|api)(\/models|\/tags)?$/i, '')
    .replace(/\/+$/, '')
  return `${url.protocol}//${url.host}${path}`
}

/** The sweep's target list: defaults (or the override), OLLAMA_HOST, extras; deduplicated. */
export function resolveTargets(
  opts: Pick<DetectOptions, 'env' | 'extraTargets' | 'targets' | 'includeOllamaHost'>,
): ProbeTarget[] {
  // SWITCHBOARD_DETECT_DEFAULTS=0 probes only OLLAMA_HOST and the user's own targets: for a
  // machine whose default ports belong to something else, and for tests that must not depend
  // on what happens to run on this machine.
  const defaults = opts.env?.SWITCHBOARD_DETECT_DEFAULTS === '0' ? [] : defaultTargets()
  const list: ProbeTarget[] = [...(opts.targets ?? defaults)]
  if (opts.includeOllamaHost !== false) {
    const host = parseOllamaHost(opts.env?.OLLAMA_HOST)
    if (host) list.push({ baseUrl: host, source: 'ollama_host' })
  }
  for (const extra of opts.extraTargets ?? []) {
    const baseUrl = normalizeTargetUrl(extra)
    if (baseUrl) list.push({ baseUrl, source: 'extra' })
  }
  const seen = new Map<string, ProbeTarget>()
  for (const t of list) {
    // A target the network guard refuses (OLLAMA_HOST or a saved target pointing at a metadata
    // or link-local address) is not probed at all; the guarded fetch would refuse it anyway.
    if (!checkUrl(t.baseUrl).ok) continue
    const key = t.baseUrl.toLowerCase().replace('//localhost:', '//127.0.0.1:')
    if (!seen.has(key)) seen.set(key, t)
  }
  return [...seen.values()]
}

/** Probes every target in parallel; resolves within about `timeoutMs` whatever the targets do. */
export async function detectLocalServers(opts: DetectOptions): Promise<DetectResult> {
  const now = opts.now ?? (() => performance.now())
  const started = now()
  const timeoutMs = opts.timeoutMs ?? 500
  const targets = resolveTargets(opts)
  const deadline = AbortSignal.timeout(timeoutMs)
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline
  const classify = opts.classify ?? classifyByName
  const found: (DetectedServer | null)[] = targets.map(() => null)

  const sweep = Promise.allSettled(
    targets.map(async (target, i) => {
      found[i] = await probeTarget(target, { fetch: opts.fetch, signal, classify })
    }),
  )
  let timer: NodeJS.Timeout | undefined
  // The hard stop: a little after the deadline, whatever is still pending is dropped.
  const hardStop = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs + 40)
    timer.unref?.()
  })
  await Promise.race([sweep, hardStop])
  clearTimeout(timer)
  if (opts.signal?.aborted) throw new AppError('cancelled', 'Detection was cancelled.')
  return {
    servers: found.filter((s): s is DetectedServer => s !== null),
    elapsedMs: Math.round(now() - started),
    probed: targets.length,
  }
}

interface ProbeDeps {
  fetch: GuardedFetch
  signal: AbortSignal
  classify: ClassifyByName
}

/** Identifies one target (every kind asked at once, the first in table order wins) and lists it. */
export async function probeTarget(
  target: ProbeTarget,
  deps: ProbeDeps,
): Promise<DetectedServer | null> {
  const p = probeContext(target.baseUrl, deps)
  const ids = await Promise.all(PROBES.map((probe) => probe.identify(p).catch(() => null)))
  const index = ids.findIndex((id) => id !== null)
  if (index < 0) return null
  const probe = PROBES[index]!
  let kind = probe.kind
  if (kind === 'openai_compatible' && target.genericKind) kind = target.genericKind
  const listing: Listing = await probe
    .list(p)
    .catch(() => ({ models: [], state: 'listing_failed' as const }))
  // A server still loading says so; what it lists meanwhile is kept.
  if (ids[index]!.starting && listing.state !== 'auth_required') listing.state = 'starting'
  return {
    kind,
    baseUrl: target.baseUrl,
    version: ids[index]!.version,
    models: listing.models,
    state: listing.state,
    source: target.source,
    provider: providerForKind(kind),
    credentialBaseUrl: credentialBaseUrl(kind, target.baseUrl),
  }
}

/** Memoized JSON requests against one target under the sweep's signal. */
function probeContext(baseUrl: string, deps: ProbeDeps): ProbeContext {
  const cache = new Map<string, Promise<JsonAnswer>>()
  const request = async (path: string, init: RequestInit): Promise<JsonAnswer> => {
    try {
      const res = await deps.fetch(`${baseUrl}${path}`, {
        ...init,
        signal: deps.signal,
        redirect: 'manual',
        headers: {
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      })
      const text = await res.text()
      let json: unknown
      try {
        json = text ? JSON.parse(text) : undefined
      } catch {
        json = undefined
      }
      return { status: res.status, json }
    } catch {
      return null
    }
  }
  return {
    baseUrl,
    classify: deps.classify,
    get(path) {
      let hit = cache.get(path)
      if (!hit) cache.set(path, (hit = request(path, { method: 'GET' })))
      return hit
    },
    post: (path, body) => request(path, { method: 'POST', body: JSON.stringify(body) }),
  }
}
