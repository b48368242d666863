/**
 * One spelling per concept (issue 13): model types are `text_to_speech` (DESIGN §3's `type`),
 * per-type fields, default slots and i18n keys are `textToSpeech` (DESIGN §3's `endpoints` and
 * slots). The contract's MODEL_TYPE_KEYS is the only table between the two; this test fails when a
 * module restates it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultSlots } from '../../../src-preload/contract/defaults'
import {
  MODEL_TYPE_KEYS,
  MODEL_TYPE_NAMES,
  slotOfType,
} from '../../../src-preload/contract/model-types'
import { SLOT_SPECS } from '../../../src-main/services/default-slots'
import { locales } from '../../../src-shared/i18n/locale-tags'
import { readSource, SOURCE_DIRS, sourceFiles } from '../../support/source-files'

const root = path.resolve(import.meta.dirname, '../../..')
const TABLE_HOME = 'src-preload/contract/model-types.ts'

describe('model type keys', () => {
  it('maps every model type to one camelCase key', () => {
    expect(Object.keys(MODEL_TYPE_KEYS).sort()).toEqual([...MODEL_TYPE_NAMES].sort())
    for (const [type, key] of Object.entries(MODEL_TYPE_KEYS)) {
      expect(key).toBe(type.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()))
    }
  })

  it("a type's slot exists and needs that type", () => {
    for (const type of MODEL_TYPE_NAMES) {
      const slot = slotOfType(type)
      expect(defaultSlots).toContain(slot)
      expect(SLOT_SPECS[slot].type).toBe(type)
    }
  })

  it('every key has its label in every locale', () => {
    for (const tag of locales) {
      const file = path.join(root, `src-shared/i18n/locales/${tag}.json`)
      const types = JSON.parse(fs.readFileSync(file, 'utf8')).models.types
      for (const key of Object.values(MODEL_TYPE_KEYS)) {
        expect(types[key], `${tag} models.types.${key}`).toMatchObject({
          one: expect.any(String),
          other: expect.any(String),
        })
      }
    }
  })

  it('no module outside the contract restates the table', () => {
    const restated = SOURCE_DIRS.flatMap(sourceFiles)
      .filter((file) => file !== TABLE_HOME)
      .filter((file) => /\btext_to_speech\s*:\s*'textToSpeech'/.test(readSource(file)))
    expect(restated).toEqual([])
  })
})
