import { describe, expect, it } from 'vitest'
import {
  credentialFor,
  formatBytes,
  formatEta,
  formatSpeed,
  kindLabel,
  percentOf,
} from '../../../src-renderer/features/local/format'
import { nameFromPath } from '../../../src-renderer/features/local/components/ImportGguf'
import { installedNameFor } from '../../../src-main/local/recommended'
import { slotOfType as slotForType } from '../../../src-preload/contract/model-types'

describe('local page formatting', () => {
  it('formats sizes in decimal units like Ollama does', () => {
    expect(formatBytes(0)).toBe('0 B')
    expect(formatBytes(999)).toBe('999 B')
    expect(formatBytes(274_302_450)).toBe('274 MB')
    expect(formatBytes(2_019_393_189)).toBe('2.0 GB')
    expect(formatBytes(17_000_000_000)).toBe('17.0 GB')
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
    // The locale's decimal separator.
    expect(formatBytes(2_500_000_000, 'it-IT')).toBe('2,5 GB')
  })

  it('formats speed and ETA, or nothing when unknown', () => {
    expect(formatSpeed(12_300_000)).toBe('12.3 MB/s')
    expect(formatSpeed(null)).toBeNull()
    expect(formatSpeed(0)).toBeNull()
    expect(formatEta(null)).toBeNull()
    expect(formatEta(44.6)).toBe('45 s')
    expect(formatEta(200)).toBe('3 min 20 s')
    expect(formatEta(180)).toBe('3 min')
    expect(formatEta(3900)).toBe('1 h 5 min')
    expect(formatEta(-3)).toBeNull()
  })

  it('clamps percent to whole 0–100', () => {
    expect(percentOf(null)).toBeNull()
    expect(percentOf(42.4)).toBe(42)
    expect(percentOf(100.2)).toBe(100)
    expect(percentOf(-1)).toBe(0)
  })

  it('names every server kind', () => {
    expect(kindLabel('lmstudio')).toBe('LM Studio')
    expect(kindLabel('llamacpp')).toBe('llama.cpp')
    expect(kindLabel('openai_compatible')).toBe('OpenAI-compatible')
  })

  it('matches a server to its credential by provider and normalized base URL', () => {
    const creds = [
      { id: 'a', provider: 'openai_compatible', baseUrl: 'http://127.0.0.1:1234/v1' },
      { id: 'b', provider: 'ollama', baseUrl: 'http://LOCALHOST:11434/' },
      { id: 'c', provider: 'ollama', baseUrl: null },
    ]
    expect(
      credentialFor({ provider: 'ollama', credentialBaseUrl: 'http://127.0.0.1:11434' }, creds)?.id,
    ).toBe('b')
    // Same URL, other provider: not the same connection.
    expect(
      credentialFor({ provider: 'lmstudio', credentialBaseUrl: 'http://127.0.0.1:1234/v1' }, creds),
    ).toBeNull()
    expect(
      credentialFor({ provider: 'ollama', credentialBaseUrl: 'http://10.0.0.2:11434' }, creds),
    ).toBeNull()
  })

  it('finds the installed name of a library tag', () => {
    const installed = [{ name: 'nomic-embed-text:latest' }, { name: 'llama3.2:3b' }]
    expect(installedNameFor('nomic-embed-text', installed)).toBe('nomic-embed-text:latest')
    expect(installedNameFor('llama3.2:3b', installed)).toBe('llama3.2:3b')
    expect(installedNameFor('llama3.2:1b', installed)).toBeNull()
  })

  it('suggests a model name from a GGUF path and maps types to slots', () => {
    expect(nameFromPath('/models/Llama-3.2-3B.Q4_K_M.gguf')).toBe('llama-3.2-3b.q4_k_m')
    expect(nameFromPath('C:\\models\\My Model.gguf')).toBe('my-model')
    expect(slotForType('language')).toBe('chat')
    expect(slotForType('embedding')).toBe('embedding')
  })
})
