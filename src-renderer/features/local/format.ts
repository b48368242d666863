/**
 * Pure helpers for the Local page: byte sizes, speed and ETA in the user's locale, server kind
 * names, and matching a detected server to the credential a connect made from it.
 */
import type { CredentialView, DetectedServer, ServerKind } from '../../../src-preload/contract'

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** Decimal units, as Ollama and LM Studio show sizes (2.0 GB = 2 000 000 000 bytes). */
export function formatBytes(bytes: number, locale = 'en-US'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  const n = new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  })
  return `${n.format(value)} ${UNITS[unit]}`
}

/** `12.3 MB/s`. */
export function formatSpeed(bytesPerSecond: number | null, locale = 'en-US'): string | null {
  if (bytesPerSecond === null || !Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0)
    return null
  return `${formatBytes(bytesPerSecond, locale)}/s`
}

/** `45 s`, `3 min 20 s`, `1 h 5 min`; null when unknown. */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`
  const h = Math.floor(m / 60)
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`
}

/** A whole percent for display, clamped to 0–100. */
export function percentOf(p: number | null): number | null {
  if (p === null || !Number.isFinite(p)) return null
  return Math.max(0, Math.min(100, Math.round(p)))
}

const KIND_LABELS: Record<ServerKind, string> = {
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  llamacpp: 'llama.cpp',
  vllm: 'vLLM',
  jan: 'Jan',
  localai: 'LocalAI',
  koboldcpp: 'KoboldCpp',
  textgen: 'text-generation-webui',
  omlx: 'oMLX',
  openai_compatible: 'OpenAI-compatible',
}

/** The product name of a server kind (a proper name: not translated). */
export function kindLabel(kind: ServerKind): string {
  return KIND_LABELS[kind]
}

/** A comparable form of a base URL: lower-case, no trailing slash, localhost as 127.0.0.1. */
export function normalizeUrl(url: string): string {
  return url.trim().toLowerCase().replace(/\/+$/, '').replace('//localhost:', '//127.0.0.1:')
}

/** The credential already made from this server (same provider and base URL), if any. */
export function credentialFor(
  server: Pick<DetectedServer, 'provider' | 'credentialBaseUrl'>,
  credentials: readonly Pick<CredentialView, 'id' | 'provider' | 'baseUrl'>[],
): Pick<CredentialView, 'id' | 'provider' | 'baseUrl'> | null {
  const want = normalizeUrl(server.credentialBaseUrl)
  return (
    credentials.find(
      (c) =>
        c.provider === server.provider && c.baseUrl !== null && normalizeUrl(c.baseUrl) === want,
    ) ?? null
  )
}
