/** src-main/local/gguf-file.ts: what an Ollama import accepts, and the hash Ollama names the blob by. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { assertGguf, countingStream, sha256File } from '../../../src-main/local/gguf-file'
import { tmpHome } from '../../support/home'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string; params?: { field?: string } }) => `${e.code}:${e.params?.field}`,
  )

describe('a GGUF file for import', () => {
  const dir = tmpHome('sb-gguf-')
  const gguf = path.join(dir, 'model.gguf')
  // "GGUF" magic, then any bytes: the check reads the first four only.
  const bytes = Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(3 * 1024 * 1024 + 5, 7)])
  fs.writeFileSync(gguf, bytes)

  it('accepts a GGUF file and answers its size', async () => {
    expect(await assertGguf(gguf)).toBe(bytes.length)
  })

  it('refuses a missing path, a folder and a file without the magic, naming the field', async () => {
    const other = path.join(dir, 'notes.txt')
    fs.writeFileSync(other, 'GGU')
    expect(await codeOf(assertGguf(path.join(dir, 'nope.gguf')))).toBe('validation:path')
    expect(await codeOf(assertGguf(dir))).toBe('validation:path')
    expect(await codeOf(assertGguf(other))).toBe('validation:path')
  })

  it('hashes as sha256 does, reporting bytes read up to the total', async () => {
    const seen: number[] = []
    const hex = await sha256File(gguf, bytes.length, undefined, (n) => seen.push(n))
    expect(hex).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(bytes.length)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })

  it('stops hashing when cancelled', async () => {
    const ac = new AbortController()
    ac.abort()
    expect(await codeOf(sha256File(gguf, bytes.length, ac.signal, () => {}))).toBe(
      'cancelled:undefined',
    )
  })

  it('streams the file as a body that counts what was taken', async () => {
    let sent = 0
    const stream = countingStream(gguf, (n) => (sent = n))
    const body = Buffer.from(await new Response(stream).arrayBuffer())
    expect(body.equals(bytes)).toBe(true)
    expect(sent).toBe(bytes.length)
  })
})
