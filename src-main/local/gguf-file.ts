/**
 * A local GGUF file for an Ollama import: checked by its magic bytes, hashed with progress
 * (Ollama names blobs by sha256), and streamed as a request body that counts what the socket took.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { AppError } from '../errors'

/** Read size for hashing and uploading: big enough to be fast, small enough for fine progress. */
const CHUNK = 1024 * 1024

/** Refuses anything that is not a readable GGUF file (checked by its magic bytes). */
export async function assertGguf(filePath: string): Promise<number> {
  const info = await stat(filePath).catch(() => null)
  if (!info?.isFile()) {
    throw new AppError('validation', 'The GGUF file does not exist or is not a file.', {
      field: 'path',
    })
  }
  const fh = await open(filePath, 'r')
  try {
    const magic = Buffer.alloc(4)
    await fh.read(magic, 0, 4, 0)
    if (magic.toString('latin1') !== 'GGUF') {
      throw new AppError('validation', 'The file is not a GGUF model file.', { field: 'path' })
    }
  } finally {
    await fh.close()
  }
  return info.size
}

/** The file's sha256 (hex), reporting bytes read; cancelled between chunks. */
export async function sha256File(
  filePath: string,
  totalBytes: number,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<string> {
  const hash = createHash('sha256')
  let done = 0
  onBytes(0)
  for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK })) {
    if (signal?.aborted) throw new AppError('cancelled', 'The import was cancelled.')
    hash.update(chunk as Buffer)
    done += (chunk as Buffer).length
    onBytes(Math.min(done, totalBytes))
  }
  return hash.digest('hex')
}

/** The file as a request body that counts bytes as fetch takes them (so it follows the socket). */
export function countingStream(filePath: string, onBytes: (n: number) => void): ReadableStream {
  const source = Readable.toWeb(
    createReadStream(filePath, { highWaterMark: CHUNK }),
  ) as unknown as ReadableStream<Uint8Array>
  let sent = 0
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        out.enqueue(chunk)
        sent += chunk.byteLength
        onBytes(sent)
      },
    }),
  )
}
