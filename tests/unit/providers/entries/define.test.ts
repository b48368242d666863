/**
 * The builders the provider groups share (src-main/providers/entries/define): every model type
 * once in display order, credential fields, the key-and-override pair, env variables, static
 * model lists.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  ALL,
  keyAndOverride,
  keyEnv,
  MODALITY_ORDER,
  models,
  optional,
  required,
} from '../../../../src-main/providers/entries/define'
import { MODEL_TYPE_NAMES } from '../../../../src-preload/contract/model-types'
import type { ModelType } from '../../../../src-preload/contract/models-shared'

describe('provider entry builders', () => {
  it('lists every model type of the contract once, in display order', () => {
    expect([...ALL].sort()).toEqual([...MODEL_TYPE_NAMES].sort())
    expect(ALL).toEqual(['language', 'embedding', 'speech_to_text', 'text_to_speech'])
    // The order table is keyed by the contract's type: a new type must be placed in it.
    expectTypeOf<keyof typeof MODALITY_ORDER>().toEqualTypeOf<ModelType>()
    expect(new Set(Object.values(MODALITY_ORDER)).size).toBe(MODEL_TYPE_NAMES.length)
  })

  it('builds fields, the key-and-override pair and env variables', () => {
    expect(optional('baseUrl')).toEqual({ field: 'baseUrl', required: false })
    expect(required('apiKey', 'sk-…')).toEqual({
      field: 'apiKey',
      required: true,
      placeholder: 'sk-…',
    })
    expect(keyAndOverride('https://api.example/v1')).toEqual([
      { field: 'apiKey', required: true },
      { field: 'baseUrl', required: false, placeholder: 'https://api.example/v1' },
    ])
    expect(keyEnv('EXAMPLE_API_KEY', ['EXAMPLE_BASE_URL'])).toEqual({
      required: ['EXAMPLE_API_KEY'],
      optional: ['EXAMPLE_BASE_URL'],
      map: { EXAMPLE_API_KEY: 'apiKey', EXAMPLE_BASE_URL: 'baseUrl' },
    })
    expect(keyEnv('K')).toEqual({ required: ['K'], map: { K: 'apiKey' } })
    expect(models('embedding', ['a', 'b'])).toEqual([
      { name: 'a', type: 'embedding' },
      { name: 'b', type: 'embedding' },
    ])
  })
})
