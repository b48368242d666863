import { describe, expect, it } from 'vitest'
import { defaultTargets, resolveTargets } from '../../../src-main/local/detect'

describe('detection targets', () => {
  it('probes the default endpoints plus OLLAMA_HOST and the user targets', () => {
    const list = resolveTargets({
      env: { OLLAMA_HOST: '0.0.0.0:9999' },
      extraTargets: ['http://192.168.1.20:11434'],
    })
    expect(list.length).toBe(defaultTargets().length + 2)
  })

  it('SWITCHBOARD_DETECT_DEFAULTS=0 leaves only OLLAMA_HOST and the user targets', () => {
    const list = resolveTargets({
      env: { SWITCHBOARD_DETECT_DEFAULTS: '0', OLLAMA_HOST: '127.0.0.1:9999' },
      extraTargets: ['http://192.168.1.20:11434'],
    })
    expect(list.map((t) => t.baseUrl)).toEqual([
      'http://127.0.0.1:9999',
      'http://192.168.1.20:11434',
    ])
  })
})
