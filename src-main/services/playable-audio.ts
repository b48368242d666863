/**
 * Whether a TTS model's answer is audio a browser can play (the verification check's play
 * button): recognised by the container's magic bytes, not by the Content-Type a proxy may get
 * wrong. WAV (`RIFF…WAVE`), MP3 (`ID3` tag or an MPEG audio frame sync), AAC (ADTS sync), MP4/M4A
 * (`ftyp` box), Ogg (`OggS`), FLAC (`fLaC`), WebM/Matroska (EBML `1A 45 DF A3`). Raw 16-bit PCM
 * (Gemini TTS answers `audio/L16;codec=pcm;rate=24000`) has no container: it is wrapped in a WAV
 * header with the rate and channels its MIME type names.
 */

/** A clip ready to play, with the MIME type of its container. */
export interface PlayableAudio {
  mime: string
  data: Uint8Array
}

const startsWith = (b: Uint8Array, text: string, at = 0) =>
  b.length >= at + text.length && [...text].every((c, i) => b[at + i] === c.charCodeAt(0))

/** The container of `b`, by its first bytes; null when it is none we know. */
export function audioContainer(b: Uint8Array): string | null {
  if (startsWith(b, 'RIFF') && startsWith(b, 'WAVE', 8)) return 'audio/wav'
  if (startsWith(b, 'ID3')) return 'audio/mpeg'
  if (startsWith(b, 'OggS')) return 'audio/ogg'
  if (startsWith(b, 'fLaC')) return 'audio/flac'
  if (b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) {
    return 'audio/webm'
  }
  if (startsWith(b, 'ftyp', 4)) return 'audio/mp4'
  if (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) {
    // 11 sync bits; the layer bits (1–2) are 00 for AAC's ADTS, anything else is MPEG audio.
    return (b[1]! & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg'
  }
  return null
}

/** The PCM format a MIME type such as `audio/L16;codec=pcm;rate=24000` names; null otherwise. */
function pcmFormat(mime: string): { rate: number; channels: number } | null {
  if (!/^audio\/(?:l16|pcm)\b/i.test(mime.trim())) return null
  const param = (name: string) => new RegExp(`[;\\s]${name}=(\\d+)`, 'i').exec(mime)?.[1]
  const rate = Number(param('rate') ?? 24000)
  const channels = Number(param('channels') ?? 1)
  if (!Number.isInteger(rate) || rate < 1000 || rate > 384000) return null
  if (!Number.isInteger(channels) || channels < 1 || channels > 8) return null
  return { rate, channels }
}

/** 16-bit little-endian PCM in a WAV container. */
export function wavFromPcm16(pcm: Uint8Array, rate: number, channels: number): Uint8Array {
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + pcm.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16) // fmt chunk size
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(channels, 22)
  header.writeUInt32LE(rate, 24)
  header.writeUInt32LE(rate * channels * 2, 28) // byte rate
  header.writeUInt16LE(channels * 2, 32) // block align
  header.writeUInt16LE(16, 34) // bits per sample
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(pcm.length, 40)
  return new Uint8Array(Buffer.concat([header, pcm]))
}

/** The clip as something a browser plays, or null when the bytes are not audio. */
export function playableAudio(data: Uint8Array, mime: string): PlayableAudio | null {
  if (data.length === 0) return null
  const container = audioContainer(data)
  // A plain Uint8Array (not a Buffer): it crosses IPC as bytes either way.
  if (container) return { mime: container, data: new Uint8Array(data) }
  const pcm = pcmFormat(mime)
  if (pcm && data.length % (2 * pcm.channels) === 0) {
    return { mime: 'audio/wav', data: wavFromPcm16(data, pcm.rate, pcm.channels) }
  }
  return null
}
