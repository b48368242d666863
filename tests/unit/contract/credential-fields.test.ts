/**
 * The credential field table is the one source (issues 11, 13): the contract's schemas, the
 * CLI's add / update flags, the catalog's form fields and env mappings all agree with it, and
 * its checks are stable (a normalised value checks to itself, so export → import is a no-op).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { credentialCommands } from '../../../src-cli/commands/credentials'
import { catalog } from '../../../src-main/providers/catalog'
import {
  CLI_FIELD_FLAGS,
  CREDENTIAL_FIELDS,
  FIELD_NAMES,
  checkField,
  credentialFields,
  type FieldDef,
  type FieldName,
} from '../../../src-preload/contract/credential-fields'
import { CredentialCreateRequest, CredentialPatch } from '../../../src-preload/contract/credentials'

const endpointFields = FIELD_NAMES.filter((f) => CREDENTIAL_FIELDS[f].storage === 'endpoint')

describe('credential field table', () => {
  it('the contract schemas have exactly the table fields', () => {
    const requestFields = FIELD_NAMES.filter((f) => !endpointFields.includes(f))
    expect(Object.keys(CredentialCreateRequest.shape).sort()).toEqual(
      [...requestFields, 'provider', 'endpoints'].sort(),
    )
    expect(Object.keys(CredentialPatch.shape).sort()).toEqual(
      [...requestFields, 'endpoints'].sort(),
    )
  })

  it('add and update take one flag per table field with a CLI name (the key only from stdin)', () => {
    const add = credentialCommands.find((c) => c.name === 'add')!
    const expected = FIELD_NAMES.flatMap((f) => {
      const flag: string | null = CREDENTIAL_FIELDS[f].cli
      return flag ? [flag] : []
    })
    expect(Object.keys(add.flags!).sort()).toEqual([...expected, 'key-stdin'].sort())
    expect(Object.keys(CLI_FIELD_FLAGS)).not.toContain('api-key')
    for (const flag of expected) expect(add.usage).toContain(`--${flag}`)
  })

  it('the catalog lists only table fields, and env variables fill only env fields', () => {
    for (const entry of catalog) {
      for (const spec of entry.fields) expect(credentialFields).toContain(spec.field)
      for (const [name, field] of Object.entries(entry.envVars.map)) {
        const def: FieldDef = CREDENTIAL_FIELDS[field as FieldName]
        expect(def.env, `${entry.id} ${name}`).toBe(true)
      }
    }
  })

  it('every table value that checks ok checks to itself again (stored = re-importable)', () => {
    const fields = FIELD_NAMES.filter((f) => CREDENTIAL_FIELDS[f].kind !== 'boolean')
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.oneof(
          fc.string(),
          fc.webUrl({ withQueryParameters: true, withFragments: true }),
          fc.integer(),
        ),
        (field, raw) => {
          const first = checkField(field, raw)
          if (!first.ok || first.value === null) return
          expect(checkField(field, first.value)).toEqual(first)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('keys: printable ASCII only; names: no control, escape or direction codes', () => {
    // Shell metacharacters inside a key stay; quotes around it are trimmed (issue 16, trimKey).
    expect(checkField('apiKey', ' sk-a$(id)`b`c ')).toEqual({ ok: true, value: 'sk-a$(id)`b`c' })
    for (const bad of ['a\nb', 'a\u0000b', 'a\u00a0b', 'a\u2603b', 'a\tb'])
      expect(checkField('apiKey', bad)).toMatchObject({ ok: false, reason: 'invalid_characters' })
    expect(checkField('name', 'Équipe 👩‍🔬 "prod"')).toMatchObject({ ok: true })
    for (const bad of ['a\u001bb', 'a\u009bb', 'a\u202eb', 'a\u2066b', 'a\u2028b'])
      expect(checkField('name', bad)).toMatchObject({ ok: false, reason: 'invalid_characters' })
  })
})
