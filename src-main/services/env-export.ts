/**
 * Handing keys to scripts (DESIGN §9 `env` and `run`): the providers' conventional environment
 * variables (the catalog's `envVars.map`, read backwards) filled from each provider's primary
 * credential, and the dotenv / shell / JSON renderings of them. This is the one place that turns
 * a stored secret into text on purpose; callers print it only when the user asked for it.
 */
import { AppError } from '../errors'
import type { DecryptedCredential } from '../providers/adapter-types'
import type { CatalogEntry, CredentialField } from '../providers/catalog-types'
import type { Store } from '../store/schema'
import { lockedError, wrongKeyError, type Vault } from '../vault/vault'
import type { CredentialsService } from './credentials'
import { providerVariables } from './env-migration'

export type EnvFormat = 'dotenv' | 'shell' | 'json'
export const ENV_FORMATS: readonly EnvFormat[] = ['dotenv', 'shell', 'json']

export interface EnvExportDeps {
  store: Store
  vault: Vault
  credentials: Pick<CredentialsService, 'getDecrypted'>
  catalog: readonly CatalogEntry[]
  /** The catalog entry of a provider; throws AppError('validation') for an unknown id. */
  getProvider: (id: string) => CatalogEntry
}

export interface EnvExportService {
  /**
   * The variables of the primary credential of each listed provider (every provider with a
   * credential when the list is empty), in catalog order. A listed provider without a
   * credential is not_found; a locked vault or wrong key fails before anything is decrypted.
   */
  variables(providers?: string[]): Promise<Record<string, string>>
}

/** One credential field's value as text; null when the credential does not set it. */
const FIELD_VALUE: Record<
  CredentialField,
  (c: DecryptedCredential) => string | number | null | undefined
> = {
  apiKey: (c) => c.apiKey,
  baseUrl: (c) => c.baseUrl,
  endpoint: (c) => c.endpoint,
  apiVersion: (c) => c.apiVersion,
  endpointLanguage: (c) => c.endpoints?.language,
  endpointEmbedding: (c) => c.endpoints?.embedding,
  endpointSpeechToText: (c) => c.endpoints?.speechToText,
  endpointTextToSpeech: (c) => c.endpoints?.textToSpeech,
  project: (c) => c.project,
  location: (c) => c.location,
  credentialsPath: (c) => c.credentialsPath,
  numCtx: (c) => c.numCtx,
}

/**
 * The provider's variables a credential fills, in the catalog's order. Where two variables name
 * one field (GOOGLE_API_KEY and GEMINI_API_KEY) both are set, so either SDK finds its own.
 */
export function variablesOf(entry: CatalogEntry, cred: DecryptedCredential): [string, string][] {
  const out: [string, string][] = []
  for (const name of providerVariables(entry)) {
    const field = entry.envVars.map[name]
    if (!field) continue
    const value = FIELD_VALUE[field](cred)
    if (value !== null && value !== undefined && value !== '') out.push([name, String(value)])
  }
  return out
}

/**
 * Our own variables that carry a secret: the master passphrase, the file that holds it, and any
 * SWITCHBOARD_* name that says key, secret, token or pass (so a future one is covered too).
 */
export function isSwitchboardSecretVar(name: string): boolean {
  const n = name.toUpperCase()
  return n.startsWith('SWITCHBOARD_') && /KEY|SECRET|TOKEN|PASS|CREDENTIAL/.test(n.slice(12))
}

/** The environment `run` gives its child: ours without the master-key variables, plus `vars`. */
export function childEnvironment(
  env: NodeJS.ProcessEnv,
  vars: Record<string, string>,
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) if (!isSwitchboardSecretVar(k)) out[k] = v
  return { ...out, ...vars }
}

/** POSIX shell single-quoting: `'` becomes `'\''`; nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** Why a value cannot be written as dotenv (see `dotenvQuote`). */
export type DotenvProblem = 'line_break' | 'nul' | 'single_quote' | 'backslashes' | 'interpolation'

/**
 * The reason a value has no dotenv spelling that is safe to `sh`-source AND reads back exactly in
 * Node's `--env-file`, the `dotenv` package and python-dotenv; null when it has one. Inside single
 * quotes `sh` expands nothing, but: no parser can carry a line break or NUL on one line; nothing
 * can carry a `'` (sh ends the quote, the dotenv parsers have no `'\''`); python-dotenv turns
 * `\\` into `\` and reads a trailing `\` as escaping the closing quote; and python-dotenv (0.21,
 * Debian's) expands `${NAME}` / `${NAME:-default}` even inside single quotes.
 */
export function dotenvProblem(value: string): DotenvProblem | null {
  if (/[\r\n]/.test(value)) return 'line_break'
  if (value.includes('\u0000')) return 'nul'
  if (value.includes("'")) return 'single_quote'
  if (/\\\\|\\$/.test(value)) return 'backslashes'
  if (/\$\{[^}:]*(?::-[^}]*)?\}/.test(value)) return 'interpolation'
  return null
}

const DOTENV_PROBLEM_TEXT: Record<DotenvProblem, string> = {
  line_break: 'a line break',
  nul: 'a NUL character',
  single_quote: 'a single quote',
  backslashes: 'two backslashes in a row or a trailing backslash',
  interpolation: 'a ${…} reference that python-dotenv would expand',
}

/**
 * A dotenv line's value: always single-quoted, so `sh` expands nothing (`$(…)`, backticks, `$X`)
 * and every parser reads the characters back as they are. A value `dotenvProblem` refuses is a
 * `validation` error that names the variable, never the value.
 */
export function dotenvQuote(value: string, name = 'the value'): string {
  const problem = dotenvProblem(value)
  if (problem) {
    throw new AppError(
      'validation',
      `${name} cannot be written in dotenv format safely: it contains ${DOTENV_PROBLEM_TEXT[problem]}. Use --format shell or --format json.`,
      { reason: 'dotenv_unrepresentable', variable: name, problem },
    )
  }
  return `'${value}'`
}

/** Renders variables in one of the formats (no trailing newline). */
export function formatEnv(vars: Record<string, string>, format: EnvFormat): string {
  const entries = Object.entries(vars)
  if (format === 'json') return JSON.stringify(vars, null, 2)
  if (format === 'shell') return entries.map(([k, v]) => `export ${k}=${shellQuote(v)}`).join('\n')
  return entries.map(([k, v]) => `${k}=${dotenvQuote(v, k)}`).join('\n')
}

/** Builds the env-export service. */
export function createEnvExport(deps: EnvExportDeps): EnvExportService {
  return {
    async variables(providers = []) {
      const wanted = [...new Set(providers)].map((p) => deps.getProvider(p))
      const data = await deps.store.read()
      const opener = await deps.vault.opener(data)
      if (opener.state === 'locked') throw lockedError()
      if (opener.state === 'wrong_key') throw wrongKeyError()
      const entries = wanted.length
        ? deps.catalog.filter((e) => wanted.includes(e))
        : deps.catalog.filter((e) => data.credentials.some((c) => c.provider === e.id))
      const vars: Record<string, string> = {}
      for (const entry of entries) {
        const mine = data.credentials.filter((c) => c.provider === entry.id)
        const primary = mine.find((c) => c.isPrimary) ?? mine[0]
        if (!primary) {
          throw new AppError('not_found', `No ${entry.displayName} credential is stored.`, {
            provider: entry.id,
          })
        }
        const cred = await deps.credentials.getDecrypted(primary.id)
        for (const [name, value] of variablesOf(entry, cred)) vars[name] = value
      }
      return vars
    },
  }
}
