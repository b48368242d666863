/**
 * `env` / `run` data: the conventional variables filled from each provider's primary credential,
 * and the dotenv / shell / JSON renderings — checked by reading them back with real parsers
 * (`sh` eval, Node's dotenv parser, JSON.parse) for a key full of quotes, spaces and `$`.
 */
import { execFileSync } from 'node:child_process'
import { parseEnv } from 'node:util'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import {
  dotenvProblem,
  dotenvQuote,
  formatEnv,
  shellQuote,
} from '../../../src-main/services/env-export'
import { appWith, codeOf, tmpDir } from './helpers'

const NASTY = `sk-it's "quoted" $HOME \`id\` \\n; $(echo pwned) ${'$'}{X} # not a comment`
const VALUES = [
  NASTY,
  'plain-key_123',
  "only 'single' quotes",
  'only "double" quotes',
  `all ' " \` kinds`,
  'multi\nline',
  '',
  'ünïcødé ✓',
]

/** Reads one variable back through `sh -c 'eval "$(…)"; printf %s "$VAR"'`. */
function throughShell(script: string, name: string): string {
  return execFileSync('sh', ['-c', `eval "$SB_SCRIPT"; printf %s "$${name}"`], {
    env: { PATH: process.env.PATH, SB_SCRIPT: script },
    encoding: 'utf8',
  })
}

describe('renderings', () => {
  it('shell: every value round-trips through sh eval unchanged (nothing expanded or executed)', () => {
    for (const v of VALUES) {
      expect(throughShell(formatEnv({ SB_TEST: v }, 'shell'), 'SB_TEST')).toBe(v)
    }
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`)
  })

  it("dotenv: single-quoted values read back unchanged with Node's parser; the rest is refused", () => {
    // dotenv-roundtrip.test.ts fuzzes this through all three parsers and sh.
    for (const v of VALUES) {
      if (dotenvProblem(v)) {
        expect(() => formatEnv({ SB_TEST: v }, 'dotenv')).toThrow(/cannot be written in dotenv/)
        continue
      }
      expect(parseEnv(formatEnv({ SB_TEST: v }, 'dotenv')).SB_TEST ?? '').toBe(v)
    }
    expect(dotenvQuote('sk-plain')).toBe(`'sk-plain'`)
    expect(dotenvQuote('has space $(id) `id` "q" #c')).toBe(`'has space $(id) \`id\` "q" #c'`)
    expect(() => dotenvQuote('two\nlines')).toThrow(AppError)
    expect(() => dotenvQuote(`it's`)).toThrow(AppError)
  })

  it('json: an object of strings', () => {
    const vars = { A: NASTY, B: 'x' }
    expect(JSON.parse(formatEnv(vars, 'json'))).toEqual(vars)
  })
})

describe('variables from stored credentials', () => {
  it("each provider's conventional names from its primary credential", async () => {
    const home = tmpDir()
    const app = appWith(home, {})
    await app.credentials.create({ provider: 'openai', name: 'Old', apiKey: 'sk-old-000000000000' })
    const primary = await app.credentials.create({
      provider: 'openai',
      name: 'New',
      apiKey: NASTY,
      baseUrl: 'https://gw.example/v1',
    })
    await app.credentials.setPrimary(primary.id)
    await app.credentials.create({
      provider: 'google',
      name: 'G',
      apiKey: 'AIzaGoogleKey000000000000',
    })
    await app.credentials.create({
      provider: 'azure',
      name: 'Az',
      apiKey: 'azure-key-0000000000',
      endpoint: 'https://r.openai.azure.com',
      apiVersion: '2024-10-21',
      endpoints: { textToSpeech: 'https://tts.openai.azure.com' },
    })
    await app.credentials.create({
      provider: 'ollama',
      name: 'Local',
      baseUrl: 'http://127.0.0.1:11434',
    })
    await app.credentials.create({
      provider: 'openai_compatible',
      name: 'C',
      baseUrl: 'http://127.0.0.1:8000/v1',
      apiKey: 'compat-key-00000000',
    })

    expect(await app.envExport.variables()).toEqual({
      OPENAI_API_KEY: NASTY,
      OPENAI_BASE_URL: 'https://gw.example/v1',
      GOOGLE_API_KEY: 'AIzaGoogleKey000000000000',
      GEMINI_API_KEY: 'AIzaGoogleKey000000000000',
      OLLAMA_API_BASE: 'http://127.0.0.1:11434',
      AZURE_OPENAI_API_KEY: 'azure-key-0000000000',
      AZURE_OPENAI_ENDPOINT: 'https://r.openai.azure.com',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
      AZURE_OPENAI_ENDPOINT_TTS: 'https://tts.openai.azure.com',
      OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:8000/v1',
      OPENAI_COMPATIBLE_API_KEY: 'compat-key-00000000',
    })
    expect(Object.keys(await app.envExport.variables(['azure', 'azure']))).toEqual([
      'AZURE_OPENAI_API_KEY',
      'AZURE_OPENAI_ENDPOINT',
      'AZURE_OPENAI_API_VERSION',
      'AZURE_OPENAI_ENDPOINT_TTS',
    ])
    const shell = formatEnv(await app.envExport.variables(['openai']), 'shell')
    expect(throughShell(shell, 'OPENAI_API_KEY')).toBe(NASTY)
  })

  it('unknown provider → validation; provider without a credential → not_found; locked / wrong key → vault codes', async () => {
    const home = tmpDir()
    const app = appWith(home, {})
    await app.credentials.create({ provider: 'openai', name: 'k', apiKey: 'sk-key-000000000000' })
    expect(await codeOf(app.envExport.variables(['nope']))).toBe('validation')
    expect(await codeOf(app.envExport.variables(['anthropic']))).toBe('not_found')
    expect(await codeOf(appWith(home, {}, { locked: true }).envExport.variables())).toBe(
      'vault_locked',
    )
    expect(
      await codeOf(
        appWith(home, { SWITCHBOARD_ENCRYPTION_KEY: 'wrong passphrase' }).envExport.variables(),
      ),
    ).toBe('vault_wrong_key')
    expect(await appWith(tmpDir(), {}).envExport.variables()).toEqual({})
  })
})
