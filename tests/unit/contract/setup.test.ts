/**
 * The setup domain's request schemas (src-preload/contract/setup.ts): an offline setup starts on
 * an http(s) server URL only, with an Ollama model name, and is cancelled by a bounded job id.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { offlineSetupSteps, setupChannels } from '../../../src-preload/contract/setup'

const start = setupChannels['setup:offlineStart'].request
const ok = (v: unknown) => start.safeParse(v).success

describe('setup contract', () => {
  it('starts only on an http or https URL, trimmed', () => {
    const r = start.safeParse({ baseUrl: '  http://127.0.0.1:11434 ', model: 'llama3.2:3b' })
    expect(r.success && r.data.baseUrl).toBe('http://127.0.0.1:11434')
    for (const baseUrl of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://h', 'not a url'])
      expect(ok({ baseUrl, model: 'llama3.2' }), baseUrl).toBe(false)
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        expect(ok({ baseUrl: url, model: 'llama3.2' })).toBe(url.length <= 2048)
      }),
    )
  })

  it('takes an Ollama model name and nothing that could be a flag or a path escape', () => {
    const base = 'http://127.0.0.1:11434'
    for (const model of ['llama3.2:3b', 'hf.co/org/model:Q4_K_M', 'qwen2.5-coder'])
      expect(ok({ baseUrl: base, model }), model).toBe(true)
    for (const model of ['', '-rf', '../x', 'a b', 'a;b', 'm'.repeat(257)])
      expect(ok({ baseUrl: base, model }), model).toBe(false)
    expect(ok({ baseUrl: base, model: 'llama3.2', makeDefault: false })).toBe(true)
    expect(ok({ baseUrl: base, model: 'llama3.2', steps: ['pull'] })).toBe(false)
  })

  it('cancels by a job id of 1 to 64 characters; the steps run pull → register → default → test', () => {
    const cancel = setupChannels['setup:offlineCancel'].request
    expect(cancel.safeParse({ jobId: 'j1' }).success).toBe(true)
    expect(cancel.safeParse({ jobId: '' }).success).toBe(false)
    expect(cancel.safeParse({ jobId: 'j'.repeat(65) }).success).toBe(false)
    expect(offlineSetupSteps).toEqual(['pull', 'register', 'default', 'test'])
  })
})
