/**
 * What the verification panel's play button gets for a TTS model's answer
 * (src-main/services/playable-audio.ts): the container is read from the magic bytes, not from a
 * Content-Type a proxy may get wrong; raw 16-bit PCM (Gemini TTS) is wrapped in a WAV header
 * with the rate and channels its MIME type names; anything else is not playable.
 */
import { describe, expect, it } from 'vitest'
import {
  audioContainer,
  playableAudio,
  wavFromPcm16,
} from '../../../src-main/services/playable-audio'

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)))

describe('audioContainer', () => {
  it.each([
    ['WAV', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ['MP3 with an ID3 tag', bytes('ID3', [4, 0, 0]), 'audio/mpeg'],
    ['MP3 frame sync (MPEG-1 layer III)', bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    ['AAC ADTS (layer bits 00)', bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
    ['MP4 / M4A (ftyp box)', bytes([0, 0, 0, 0x20], 'ftypM4A '), 'audio/mp4'],
    ['Ogg', bytes('OggS', [0, 2]), 'audio/ogg'],
    ['FLAC', bytes('fLaC', [0, 0, 0, 0x22]), 'audio/flac'],
    ['WebM / Matroska (EBML)', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), 'audio/webm'],
  ])('%s', (_name, data, mime) => {
    expect(audioContainer(data)).toBe(mime)
  })

  it.each([
    ['JSON', bytes('{"error":"x"}')],
    ['HTML', bytes('<html><body>Sign in</body>')],
    ['RIFF that is not WAVE (AVI)', bytes('RIFF', [0, 0, 0, 0], 'AVI ')],
    ['too short for any magic', bytes('RI')],
    ['a lone 0xFF', bytes([0xff])],
    ['nothing', bytes()],
  ])('%s is no container', (_name, data) => {
    expect(audioContainer(data)).toBeNull()
  })
})

describe('wavFromPcm16', () => {
  it('writes a 44-byte PCM header with the rate, channels, byte rate and sizes', () => {
    const pcm = new Uint8Array(480).fill(7)
    const wav = Buffer.from(wavFromPcm16(pcm, 24000, 2))
    expect(wav.length).toBe(44 + 480)
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF')
    expect(wav.readUInt32LE(4)).toBe(36 + 480)
    expect(wav.toString('latin1', 8, 16)).toBe('WAVEfmt ')
    expect(wav.readUInt16LE(20)).toBe(1) // PCM
    expect(wav.readUInt16LE(22)).toBe(2)
    expect(wav.readUInt32LE(24)).toBe(24000)
    expect(wav.readUInt32LE(28)).toBe(24000 * 2 * 2)
    expect(wav.readUInt16LE(32)).toBe(4)
    expect(wav.readUInt16LE(34)).toBe(16)
    expect(wav.toString('latin1', 36, 40)).toBe('data')
    expect(wav.readUInt32LE(40)).toBe(480)
    expect([...wav.subarray(44)]).toEqual([...pcm])
  })
})

describe('playableAudio', () => {
  it('keeps a known container as it came, typed by its bytes, not by the MIME type given', () => {
    const mp3 = bytes('ID3', new Array(64).fill(5))
    const out = playableAudio(mp3, 'application/octet-stream')
    expect(out).toEqual({ mime: 'audio/mpeg', data: mp3 })
    // A WAV a proxy labelled audio/mpeg is still a WAV.
    const wav = wavFromPcm16(new Uint8Array(4), 8000, 1)
    expect(playableAudio(wav, 'audio/mpeg')?.mime).toBe('audio/wav')
  })

  it('hands IPC a plain Uint8Array, never a Buffer', () => {
    const out = playableAudio(Buffer.from('OggS\u0000\u0002'), 'audio/ogg')
    expect(out?.data.constructor).toBe(Uint8Array)
  })

  it('wraps Gemini’s raw PCM (audio/L16;codec=pcm;rate=24000) in a WAV at that rate', () => {
    const pcm = new Uint8Array(4800).fill(1)
    const out = playableAudio(pcm, 'audio/L16;codec=pcm;rate=24000')
    expect(out?.mime).toBe('audio/wav')
    const wav = Buffer.from(out!.data)
    expect(wav.readUInt32LE(24)).toBe(24000)
    expect(wav.readUInt16LE(22)).toBe(1)
    expect(wav.length).toBe(44 + 4800)
  })

  it('reads channels and rate from the MIME parameters; audio/pcm and a missing rate default to 24 kHz', () => {
    const stereo = playableAudio(new Uint8Array(8), 'audio/pcm; rate=16000; channels=2')
    expect(Buffer.from(stereo!.data).readUInt16LE(22)).toBe(2)
    expect(Buffer.from(stereo!.data).readUInt32LE(24)).toBe(16000)
    const bare = playableAudio(new Uint8Array(8), 'audio/L16')
    expect(Buffer.from(bare!.data).readUInt32LE(24)).toBe(24000)
  })

  it.each([
    ['empty bytes', new Uint8Array(0), 'audio/mpeg'],
    ['unknown bytes with an audio MIME type', bytes('{"audio":"none"}'), 'audio/mpeg'],
    ['PCM with an odd length (not 16-bit samples)', new Uint8Array(5), 'audio/L16;rate=24000'],
    ['PCM whose frames do not fill two channels', new Uint8Array(6), 'audio/L16;channels=2'],
    ['PCM at an impossible rate', new Uint8Array(8), 'audio/L16;rate=12'],
    ['PCM with too many channels', new Uint8Array(18), 'audio/L16;channels=9'],
  ])('%s is not playable', (_name, data, mime) => {
    expect(playableAudio(data, mime)).toBeNull()
  })
})
