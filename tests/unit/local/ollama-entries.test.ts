/**
 * src-main/local/ollama-entries.ts: one `/api/tags` or `/api/ps` entry (github.com/ollama/ollama
 * docs/api.md "List Local Models", "List Running Models") read field by field, so a value that
 * cannot become text or a number (tests/support/unconvertible.ts) is left out, never thrown on.
 */
import { describe, expect, it } from 'vitest'
import {
  capabilitiesOf,
  entryName,
  installedModel,
  runningModel,
} from '../../../src-main/local/ollama-entries'
import { classifyByName } from '../../../src-main/providers/classify'
import { CANNOT_CONVERT } from '../providers/adapters/hostile-world'

const TAG = {
  name: 'llama3.2:3b',
  modified_at: '2025-01-10T12:00:00.000000-08:00',
  size: 2019393189,
  digest: 'a80c4f17acd5',
  details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
}
const PS = { ...TAG, size_vram: 2019393189, expires_at: '2025-01-10T12:05:00Z' }

describe('ollama entries', () => {
  it('reads the documented entry', () => {
    expect(installedModel(TAG, 'llama3.2:3b', ['completion'], classifyByName)).toEqual({
      name: 'llama3.2:3b',
      sizeBytes: 2019393189,
      digest: 'a80c4f17acd5',
      modifiedAt: '2025-01-10T12:00:00.000000-08:00',
      family: 'llama',
      parameterSize: '3.2B',
      quantization: 'Q4_K_M',
      capabilities: ['completion'],
      type: 'language',
    })
    expect(runningModel(PS, 'llama3.2:3b')).toMatchObject({
      sizeVramBytes: 2019393189,
      expiresAt: '2025-01-10T12:05:00Z',
    })
  })

  it('leaves out every field that cannot become text or a number', () => {
    for (const bad of [...CANNOT_CONVERT, -1, null, {}]) {
      expect(entryName({ ...TAG, name: bad })).toBeNull()
      expect(capabilitiesOf({ capabilities: ['embedding', bad] })).toEqual(['embedding'])
      expect(capabilitiesOf({ capabilities: bad })).toEqual([])
      const details = { family: bad, parameter_size: bad, quantization_level: bad }
      const raw = { ...PS, size: bad, size_vram: bad, digest: bad, modified_at: bad, details }
      expect(installedModel(raw, 'x', [], classifyByName)).toMatchObject({
        sizeBytes: 0,
        digest: '',
        modifiedAt: null,
        family: null,
        parameterSize: null,
        quantization: null,
      })
      expect(runningModel({ ...raw, expires_at: bad }, 'x')).toMatchObject({
        sizeBytes: 0,
        sizeVramBytes: 0,
        expiresAt: null,
      })
    }
  })
})
