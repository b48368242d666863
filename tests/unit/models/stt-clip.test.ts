import { mkdtempSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { discoveredId } from '../../../src-main/services/model-views'
import {
  STT_CLIP_FILE,
  STT_CLIP_TEXT,
  createSttClipLoader,
  sttClipCandidates,
} from '../../../src-main/services/stt-clip'

const CLIP = path.join(process.cwd(), 'assets', 'audio', STT_CLIP_FILE)

describe('bundled STT clip', () => {
  it('is a small 16 kHz mono 16-bit PCM WAV whose text is documented beside it', async () => {
    const wav = await readFile(CLIP)
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE')
    expect(wav.toString('ascii', 12, 16)).toBe('fmt ')
    expect(wav.readUInt16LE(20)).toBe(1) // PCM
    expect(wav.readUInt16LE(22)).toBe(1) // mono
    expect(wav.readUInt32LE(24)).toBe(16_000)
    expect(wav.readUInt16LE(34)).toBe(16)
    const seconds = (wav.length - 44) / (16_000 * 2)
    expect(seconds).toBeGreaterThan(1)
    expect(seconds).toBeLessThan(4)
    expect(wav.length).toBeLessThan(150_000)
    const note = await readFile(path.join(path.dirname(CLIP), 'README.md'), 'utf8')
    expect(note).toContain(`\`${STT_CLIP_TEXT}\``)
  })

  it('loads from the first candidate that exists and caches it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-clip-'))
    const file = path.join(dir, 'audio', STT_CLIP_FILE)
    const load = createSttClipLoader([
      path.join(dir, 'nowhere', STT_CLIP_FILE),
      ...sttClipCandidates(),
    ])
    const first = await load()
    expect(first.equals(await readFile(CLIP))).toBe(true)
    expect(await load()).toBe(first)
    expect(sttClipCandidates([dir])[0]).toBe(file)
  })

  it('fails with a coded error when the clip is missing, and retries later', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sb-clip-'))
    const file = path.join(dir, STT_CLIP_FILE)
    const load = createSttClipLoader([file])
    await expect(load()).rejects.toMatchObject({ code: 'internal' })
    writeFileSync(file, 'RIFF')
    expect((await load()).toString()).toBe('RIFF')
  })
})

describe('discovered ids', () => {
  it('are stable per (type, name) and never look like a registered model id', () => {
    expect(discoveredId('embedding', 'nomic-embed-text')).toBe(
      'discovered:embedding:nomic-embed-text',
    )
    expect(discoveredId('language', 'a')).not.toBe(discoveredId('embedding', 'a'))
  })
})
