/**
 * The flags `add` and `update` share (src-cli/commands/credential-flags): derived from the
 * credential field table, passed on as text, `--clear` per field or endpoint, and the key from
 * stdin only, with its notices in human mode.
 */
import { describe, expect, it } from 'vitest'
import {
  clearField,
  fieldFlags,
  fieldsFrom,
  FLAG_USAGE,
  readKey,
} from '../../../../src-cli/commands/credential-flags'
import type { CliIo } from '../../../../src-cli/command'
import type { AsText, CredentialPatch } from '../../../../src-preload/contract/credentials'
import { CLI_FIELD_FLAG_NAMES } from '../../../../src-preload/contract/credential-fields'
import { AppError } from '../../../../src-main/errors'

const OPENAI = `sk-proj-${'Ab1'.repeat(10)}T3BlbkFJ${'Cd2'.repeat(10)}wxyz`

function io(stdin: string, json = false) {
  const err: string[] = []
  const value: CliIo = {
    out: () => undefined,
    err: (t) => void err.push(t),
    readStdin: async () => stdin,
    env: {},
    json,
  }
  return { io: value, err }
}

describe('credential flags', () => {
  it('has one flag per field the table names for the CLI, and --key-stdin for the key', () => {
    expect(Object.keys(fieldFlags).sort()).toEqual([...CLI_FIELD_FLAG_NAMES, 'key-stdin'].sort())
    expect(FLAG_USAGE).toContain('[--base-url U]')
    expect(FLAG_USAGE).toContain('[--num-ctx N]')
    expect(FLAG_USAGE).toContain('[--allow-insecure-http]')
    expect(FLAG_USAGE).not.toContain('--name')
  })

  it('passes values on as text, endpoints by modality, and leaves absent flags out', () => {
    expect(
      fieldsFrom({
        name: 'ignored here',
        'base-url': 'http://127.0.0.1:1/v1',
        'num-ctx': 'lots',
        'endpoint-embedding': 'https://e.example/embed',
        'allow-insecure-http': true,
      }),
    ).toEqual({
      baseUrl: 'http://127.0.0.1:1/v1',
      numCtx: 'lots',
      endpoints: { embedding: 'https://e.example/embed' },
      allowInsecureHttp: true,
    })
    expect(fieldsFrom({})).toEqual({})
  })

  it('clears a field, one endpoint, or every endpoint, and refuses what cannot be cleared', () => {
    const patch: AsText<CredentialPatch> = { endpoints: { language: 'https://l.example' } }
    clearField(patch, 'baseUrl')
    clearField(patch, 'endpointEmbedding')
    expect(patch).toEqual({
      baseUrl: null,
      endpoints: { language: 'https://l.example', embedding: null },
    })
    clearField(patch, 'endpoints')
    expect(patch.endpoints).toBeNull()
    for (const name of ['name', 'allowInsecureHttp', 'nonsense']) {
      const err = (() => {
        try {
          clearField(patch, name)
        } catch (e) {
          return e
        }
      })()
      expect(err).toBeInstanceOf(AppError)
      expect(err).toMatchObject({ code: 'validation', params: { field: 'clear' } })
    }
  })

  it('reads the key from stdin as given, notes what trimming removes, and refuses an empty one', async () => {
    const human = io(` "${OPENAI}"\n`)
    expect(await readKey(human.io, async () => 'openai')).toBe(` "${OPENAI}"\n`)
    expect(human.err).toEqual(['note: removed whitespace and quotes around the key.'])
    const json = io(` ${OPENAI}`, true)
    await readKey(json.io, async () => 'openai')
    expect(json.err).toEqual([])
    await expect(readKey(io(' \n').io, async () => 'openai')).rejects.toMatchObject({
      code: 'validation',
      params: { field: 'apiKey' },
    })
  })
})
