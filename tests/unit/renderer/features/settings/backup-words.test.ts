/**
 * src-renderer/features/settings/backup-words: a backup's outcome in the reader's words — counts
 * with plurals, each refused credential with the add form's reason text and the field's limits,
 * and a failure with the backup's own reason before the error code's text.
 */
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { resources } from '../../../../../src-shared/i18n/resources'
import { ApiError } from '../../../../../src-renderer/lib/api'
import {
  backupError,
  exportedWords,
  importedWords,
  rejectedWords,
} from '../../../../../src-renderer/features/settings/backup-words'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({
    lng: 'en-US',
    resources: resources as never,
    ns: ['settings', 'apiKeys', 'errors', 'models'],
    defaultNS: 'settings',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  })
})
const t = ((...a: Parameters<typeof i18n.t>) => i18n.t(...a)) as never

describe('backup words', () => {
  it('says what an export wrote, and what it left out', () => {
    const r = { path: '/b.json', credentials: 2, models: 1, defaults: 0, skippedUndecryptable: 0 }
    expect(exportedWords(t, r)).toEqual([
      'Saved 2 credentials, 1 model and 0 default models to /b.json.',
    ])
    expect(exportedWords(t, { ...r, skippedUndecryptable: 1 })[1]).toBe(
      '1 credential whose key could not be decrypted was left out.',
    )
  })

  it('says what an import merged, kept, refused and filled in', () => {
    const lines = importedWords(
      t,
      {
        credentialsImported: 1,
        credentialsSkipped: 2,
        credentialsRejected: [
          {
            index: 0,
            provider: 'ollama',
            name: 'Box',
            code: 'validation',
            field: 'numCtx',
            reason: 'out_of_range',
            message: 'x',
          },
        ],
        modelsImported: 3,
        modelsSkipped: 0,
        defaultsRestored: ['chat', 'embedding'],
      },
      'en-US',
    )
    expect(lines[0]).toBe('Imported 1 credential and 3 models.')
    expect(lines[1]).toBe('2 credentials were already here and were kept as they are.')
    expect(lines[2]).toBe('1 credential was not imported:')
    expect(lines[3]).toContain('Enter a whole number from 1 to 10000000.')
    expect(lines[4]).toMatch(/^Default models filled in: Chat and /)
    expect(lines).toHaveLength(5)
  })

  it('names a refused credential by position, name, provider and field', () => {
    expect(
      rejectedWords(t, {
        index: 2,
        provider: 'openai',
        name: null,
        code: 'url_blocked',
        field: 'baseUrl',
        reason: null,
        message: 'blocked',
      }),
    ).toBe(
      'No. 3, “(no name)” (openai) — Base URL: Switchboard never connects to this address: link-local and cloud metadata addresses are blocked.',
    )
  })

  it('falls back to the error code’s text for a refusal of no known field', () => {
    expect(
      rejectedWords(t, {
        index: 0,
        provider: null,
        name: 'X',
        code: 'validation',
        field: null,
        reason: 'no_such_reason',
        message: 'Bad entry',
      }),
    ).toBe('No. 1, “X” (?) — entry: Some input is not valid.')
  })

  it('puts the backup’s own reason before the code’s text', () => {
    const exists = new ApiError({
      code: 'conflict',
      message: 'exists',
      params: { reason: 'file_exists' },
    })
    expect(backupError(t, exists)).toMatch(/^A file already exists at this path\./)
    const other = new ApiError({ code: 'validation', message: 'm', params: { reason: 'nope' } })
    expect(backupError(t, other)).toMatch(/^Some input is not valid\. /)
  })
})
