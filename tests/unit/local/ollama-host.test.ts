import { describe, expect, it } from 'vitest'
import { parseOllamaHost } from '../../../src-main/local/ollama-host'
import { normalizeTargetUrl, resolveTargets } from '../../../src-main/local/detect'

describe('OLLAMA_HOST parsing (as Ollama reads it, then made connectable)', () => {
  it.each([
    ['0.0.0.0:11434', 'http://127.0.0.1:11434'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    [':11434', 'http://127.0.0.1:11434'],
    ['127.0.0.1:9999', 'http://127.0.0.1:9999'],
    ['gpu-box.lan:11434', 'http://gpu-box.lan:11434'],
    ['gpu-box.lan', 'http://gpu-box.lan:11434'],
    ['http://10.0.0.5:8080', 'http://10.0.0.5:8080'],
    ['http://10.0.0.5', 'http://10.0.0.5'],
    ['https://ollama.example.com', 'https://ollama.example.com'],
    ['[::1]:11434', 'http://[::1]:11434'],
    ['[::]:11434', 'http://127.0.0.1:11434'],
    ['  localhost:11434  ', 'http://localhost:11434'],
    ['host:notaport', 'http://host:11434'],
  ])('%s → %s', (value, expected) => {
    expect(parseOllamaHost(value)).toBe(expected)
  })

  it('ignores empty values and foreign schemes', () => {
    expect(parseOllamaHost(undefined)).toBeNull()
    expect(parseOllamaHost('   ')).toBeNull()
    expect(parseOllamaHost('ftp://host:1')).toBeNull()
  })
})

describe('targets', () => {
  it('normalizes what a person types into a server root', () => {
    expect(normalizeTargetUrl('192.168.1.20:1234')).toBe('http://192.168.1.20:1234')
    expect(normalizeTargetUrl('http://box.lan:1234/v1/')).toBe('http://box.lan:1234')
    expect(normalizeTargetUrl('http://box.lan:11434/api/tags')).toBe('http://box.lan:11434')
    expect(normalizeTargetUrl('https://proxy.example/ollama/')).toBe('https://proxy.example/ollama')
    expect(normalizeTargetUrl('file:///etc/passwd')).toBeNull()
    expect(normalizeTargetUrl('http://user:pw@box:1')).toBeNull()
    expect(normalizeTargetUrl('')).toBeNull()
  })

  it('adds OLLAMA_HOST and extras to the defaults without duplicates', () => {
    const list = resolveTargets({
      env: { OLLAMA_HOST: '0.0.0.0:11434' },
      extraTargets: ['box.lan:1234', 'nonsense://x'],
    })
    const urls = list.map((t) => t.baseUrl)
    expect(urls).toContain('http://127.0.0.1:11434')
    expect(urls.filter((u) => u === 'http://127.0.0.1:11434')).toHaveLength(1)
    expect(urls).toContain('http://box.lan:1234')
    // Seven default ports (oMLX shares :8000 with vLLM) plus the LAN box.
    expect(list).toHaveLength(8)
    expect(list.find((t) => t.baseUrl.endsWith(':1337'))?.genericKind).toBe('jan')
    const custom = resolveTargets({ env: { OLLAMA_HOST: 'box:7777' }, targets: [] })
    expect(custom).toEqual([{ baseUrl: 'http://box:7777', source: 'ollama_host' }])
  })
})
