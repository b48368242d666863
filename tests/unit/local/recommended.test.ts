import { describe, expect, it } from 'vitest'
import { bundledModels, recommendModels } from '../../../src-main/local/recommended'
import { getMachineInfo } from '../../../src-main/local/machine'

const GB = 1_000_000_000

describe('recommended models', () => {
  it('ships real Ollama tags of both types and every tier with sizes', () => {
    const list = bundledModels()
    expect(list.map((m) => m.name)).toEqual(
      expect.arrayContaining(['llama3.2:3b', 'qwen2.5:7b', 'nomic-embed-text']),
    )
    for (const type of ['language', 'embedding'] as const) {
      for (const tier of ['small', 'medium', 'large'] as const) {
        expect(list.some((m) => m.type === type && m.tier === tier)).toBe(true)
      }
    }
    for (const m of list) {
      expect(m.downloadBytes).toBeGreaterThan(0)
      expect(m.memoryBytes).toBeGreaterThan(m.downloadBytes)
    }
  })

  it('filters to an 8 GB machine and suggests one model per type', () => {
    const out = recommendModels({ totalRamBytes: 8 * 1024 ** 3, freeDiskBytes: 100 * GB })
    const fits = out.filter((m) => m.fits).map((m) => m.name)
    expect(fits).toContain('llama3.2:3b')
    expect(fits).not.toContain('llama3.1:8b')
    expect(out.find((m) => m.name === 'gemma3:27b')?.tooBigFor).toEqual(['ram'])
    const suggested = out.filter((m) => m.suggested)
    expect(suggested.map((m) => [m.type, m.name])).toEqual([
      ['language', 'qwen2.5:7b'],
      ['embedding', 'nomic-embed-text'],
    ])
  })

  it('a small disk rules out big downloads unless already installed', () => {
    const out = recommendModels({ totalRamBytes: 64 * GB, freeDiskBytes: 4 * GB }, [
      'qwen2.5:7b',
      'nomic-embed-text:latest',
    ])
    expect(out.find((m) => m.name === 'qwen2.5:7b')).toMatchObject({ fits: true, installed: true })
    expect(out.find((m) => m.name === 'llama3.1:8b')?.tooBigFor).toEqual(['disk'])
    expect(out.find((m) => m.name === 'nomic-embed-text')?.installed).toBe(true)
  })

  it('a tiny machine gets no suggestion it cannot run', () => {
    const out = recommendModels({ totalRamBytes: 512 * 1024 ** 2, freeDiskBytes: null })
    expect(out.filter((m) => m.type === 'language' && m.fits)).toHaveLength(0)
    expect(out.some((m) => m.type === 'language' && m.suggested)).toBe(false)
  })
})

describe('machine info', () => {
  it('reads RAM and the free disk of OLLAMA_MODELS (or its nearest existing parent)', async () => {
    const seen: string[] = []
    const info = await getMachineInfo({
      env: { OLLAMA_MODELS: '/data/ollama/models' },
      platform: 'linux',
      totalmem: () => 16 * GB,
      freemem: () => 4 * GB,
      statfs: async (p) => {
        seen.push(p)
        if (p !== '/data') throw new Error('ENOENT')
        return { bavail: 1000, bsize: 4096 }
      },
    })
    expect(info).toMatchObject({
      platform: 'linux',
      totalRamBytes: 16 * GB,
      freeDiskBytes: 4_096_000,
      diskPath: '/data',
    })
    expect(info.install.command).toContain('ollama.com/install.sh')
    expect(seen[0]).toBe('/data/ollama/models')
  })

  it('gives the macOS download link and no shell command', async () => {
    const info = await getMachineInfo({
      platform: 'darwin',
      statfs: async () => ({ bavail: 1n, bsize: 512n }),
    })
    expect(info.install).toMatchObject({ ollama: 'https://ollama.com/download/mac', command: null })
    expect(info.freeDiskBytes).toBe(512)
  })
})
