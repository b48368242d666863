/**
 * The per-module logger of main and the CLI (issue 13): four levels, one line per event, every
 * line passed through the secret scrubber (the known secrets in every encoding, then the generic
 * patterns) before it reaches the sink. A log line can never carry a secret or forge a second
 * line: control characters are escaped after scrubbing.
 */
import { REDACTED, scrubPatterns, secretMatcher } from '../secrets/scrub'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Values a log line may carry; never a secret (it is scrubbed anyway). */
export type LogFields = Record<string, string | number | boolean | null | undefined>

/** Where finished lines go (a rotating file, or an array in tests). */
export interface LogSink {
  write(line: string): void
}

/** One module's logger. */
export interface Logger {
  debug(message: string, fields?: LogFields): void
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  error(message: string, fields?: LogFields): void
}

/** The root: hands out one logger per module name. */
export interface Log {
  for(module: string): Logger
}

export interface LogOptions {
  sink: LogSink
  level: LogLevel
  /** The secrets known now, and a version that changes with them (to cache the matcher). */
  secrets?: { list(): readonly string[]; version(): number }
  now?: () => Date
}

/** The level named by `SWITCHBOARD_LOG_LEVEL`; anything else is the fallback. */
export function parseLogLevel(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  const v = value?.trim().toLowerCase()
  return (LOG_LEVELS as readonly string[]).includes(v ?? '') ? (v as LogLevel) : fallback
}

/** An error as log fields: its code and its message (scrubbed with the rest of the line). */
export function errorFields(err: unknown): LogFields {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; name?: unknown }
    return {
      code: typeof e.code === 'string' ? e.code : undefined,
      error: typeof e.message === 'string' ? e.message : String(err),
      name: typeof e.name === 'string' ? e.name : undefined,
    }
  }
  return { error: String(err) }
}

// Escapes what would let a message start a new line or drive a terminal that shows the file.
const escapeControls = (text: string) =>
  text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )

/** A logger root writing scrubbed lines at or above `level` to `sink`. */
export function createLog(options: LogOptions): Log {
  const threshold = LOG_LEVELS.indexOf(options.level)
  const now = options.now ?? (() => new Date())
  let cached: { version: number; re: RegExp | null } | null = null
  const matcher = () => {
    const s = options.secrets
    if (!s) return null
    const version = s.version()
    if (cached?.version !== version) cached = { version, re: secretMatcher(s.list()) }
    return cached.re
  }
  const scrub = (text: string) => {
    const re = matcher()
    return scrubPatterns(re ? text.replace(re, REDACTED) : text)
  }
  const line = (level: LogLevel, module: string, message: string, fields?: LogFields) => {
    const kept = Object.entries(fields ?? {}).filter(([, v]) => v !== undefined)
    const tail = kept.length ? ` ${JSON.stringify(Object.fromEntries(kept))}` : ''
    return `${now().toISOString()} ${level.padEnd(5)} ${module}: ${escapeControls(scrub(message + tail))}\n`
  }
  return {
    for(module) {
      const at =
        (level: LogLevel) =>
        (message: string, fields?: LogFields): void => {
          if (LOG_LEVELS.indexOf(level) < threshold) return
          try {
            options.sink.write(line(level, module, message, fields))
          } catch {
            // Logging never breaks the caller: a full disk or a removed folder drops the line.
          }
        }
      return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
    },
  }
}
