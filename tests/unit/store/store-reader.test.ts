/**
 * Reading the store file (src-main/store/store-reader.ts): any text parses to ok, absent or
 * corrupt with a problem — never a crash, only a newer schema throws `unsupported` — and the
 * cached reader hands out one frozen copy while the file is unchanged and old enough to trust
 * (mtime and ctime both past the timestamp tick: `settledAt`), and sees every replacement.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src-main/store/atomic-write'
import { emptyStoreData } from '../../../src-main/store/migrations'
import { SCHEMA_VERSION } from '../../../src-main/store/schema'
import {
  createCachedReader,
  parseStoreText,
  readText,
  settledAt,
} from '../../../src-main/store/store-reader'
import { tmpHome } from '../../support/home'
import { settle } from '../../support/settle'

const valid = () => JSON.stringify(emptyStoreData())

describe('parseStoreText', () => {
  it('names the problem of a file that is not a store', () => {
    expect(parseStoreText('{nope').kind).toBe('corrupt')
    expect(parseStoreText('{nope')).toEqual({ kind: 'corrupt', problem: 'not JSON' })
    for (const text of ['[]', 'null', '42', '"x"'])
      expect(parseStoreText(text)).toEqual({ kind: 'corrupt', problem: 'not an object' })
    for (const v of ['"2"', '1.5', '-1', '1e400'])
      expect(parseStoreText(`{"schemaVersion":${v}}`), v).toEqual({
        kind: 'corrupt',
        problem: 'schemaVersion',
      })
    expect(parseStoreText(valid())).toMatchObject({ kind: 'ok' })
  })

  it('refuses a store written by a newer Switchboard instead of calling it corrupt', () => {
    expect(() => parseStoreText(`{"schemaVersion":${SCHEMA_VERSION + 1}}`)).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    )
  })

  it('never throws on junk: every text is ok or corrupt', () => {
    const doc = fc.oneof(
      fc.json(),
      fc.string(),
      fc
        .record(
          {
            schemaVersion: fc.oneof(fc.constantFrom(0, 1, 2), fc.anything()),
            credentials: fc.anything(),
            models: fc.anything(),
            defaults: fc.anything(),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o) ?? '{}'),
    )
    fc.assert(
      fc.property(doc, (text) => {
        let r
        try {
          r = parseStoreText(text)
        } catch (err) {
          expect((err as { code?: string }).code).toBe('unsupported')
          return
        }
        expect(['ok', 'corrupt']).toContain(r.kind)
      }),
      { numRuns: 300 },
    )
  })
})

describe('readText', () => {
  it('is null for no file and a marker for a folder in its place', () => {
    const dir = tmpHome('sb-reader-')
    expect(readText(path.join(dir, 'missing.json'))).toBeNull()
    expect(readText(dir)).toBe('\u0000not a file')
  })
})

describe('createCachedReader', () => {
  it('is absent, then corrupt, then ok; a folder at the path is corrupt', async () => {
    const dir = tmpHome('sb-reader-')
    const file = path.join(dir, 'switchboard.json')
    const reader = createCachedReader(file)
    expect(await reader.read()).toEqual({ kind: 'absent' })
    fs.writeFileSync(file, 'garbage')
    expect(await reader.read()).toEqual({ kind: 'corrupt', problem: 'not JSON' })
    writeFileAtomic(file, valid())
    expect((await reader.read()).kind).toBe('ok')
    expect(await createCachedReader(dir).read()).toEqual({ kind: 'corrupt', problem: 'not a file' })
  })

  it('hands out one frozen copy while the file is unchanged, and sees a replacement', async () => {
    const dir = tmpHome('sb-reader-')
    const file = path.join(dir, 'switchboard.json')
    writeFileAtomic(file, valid())
    // Older than any timestamp tick: the stat alone is trusted.
    await settle(file)
    const reader = createCachedReader(file)
    const a = await reader.read()
    const b = await reader.read()
    if (a.kind !== 'ok' || b.kind !== 'ok') throw new Error('not ok')
    expect(b.data).toBe(a.data)
    expect(Object.isFrozen(a.data.credentials)).toBe(true)
    expect(() => a.data.credentials.push({} as never)).toThrow()

    const next = emptyStoreData()
    next.settings.theme = 'dark'
    writeFileAtomic(file, JSON.stringify(next))
    const c = await reader.read()
    expect(c.kind === 'ok' && c.data.settings.theme).toBe('dark')
    fs.rmSync(file)
    expect(await reader.read()).toEqual({ kind: 'absent' })
  })

  it('does not trust a set-back mtime while the ctime is in its tick', async () => {
    // A kernel whose ctime ticks coarsely (Linux before 6.13): two same-sized in-place edits in
    // one tick, each putting the mtime back (`cp -p`), show the same stat. The fake stat is that
    // file: an old mtime, a ctime of now, identical on every call.
    const dir = tmpHome('sb-reader-')
    const file = path.join(dir, 'switchboard.json')
    const data = emptyStoreData()
    data.settings.language = 'it-IT'
    fs.writeFileSync(file, JSON.stringify(data))
    const real = fs.statSync(file, { bigint: true })
    const [mtimeMs, ctimeMs] = [BigInt(Date.now() - 60_000), BigInt(Date.now())]
    const coarse: fs.BigIntStats = Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
      mtimeMs,
      mtimeNs: mtimeMs * 1_000_000n + 7n,
      ctimeMs,
      ctimeNs: ctimeMs * 1_000_000n + 7n,
    })
    const reader = createCachedReader(file, () => coarse)
    const a = await reader.read()
    expect(a.kind === 'ok' && a.data.settings.language).toBe('it-IT')
    data.settings.language = 'ja-JP'
    fs.writeFileSync(file, JSON.stringify(data))
    expect(fs.statSync(file).size).toBe(Number(real.size))
    const b = await reader.read()
    expect(b.kind === 'ok' && b.data.settings.language).toBe('ja-JP')
  })

  it('trusts a stat once both its mtime and its ctime are past the tick', () => {
    const now = Date.now()
    const at = (msAgo: number) => BigInt(now - msAgo) * 1_000_000n + 7n
    expect(settledAt({ mtimeNs: at(60_000), ctimeNs: at(150) }, now)).toBe(true)
    expect(settledAt({ mtimeNs: at(60_000), ctimeNs: at(50) }, now)).toBe(false)
    expect(settledAt({ mtimeNs: at(50), ctimeNs: at(150) }, now)).toBe(false)
    // Whole seconds (a FAT-like clock): the tick may be 2 s.
    const whole = BigInt(Math.floor(now / 1000) - 1) * 1_000_000_000n // 1–2 s ago
    expect(settledAt({ mtimeNs: whole, ctimeNs: whole }, now)).toBe(false)
    expect(
      settledAt({ mtimeNs: whole - 3_000_000_000n, ctimeNs: whole - 3_000_000_000n }, now),
    ).toBe(true)
  })

  it('forgets its copy when told to', async () => {
    const dir = tmpHome('sb-reader-')
    const file = path.join(dir, 'switchboard.json')
    writeFileAtomic(file, valid())
    const reader = createCachedReader(file)
    const a = await reader.read()
    reader.invalidate()
    const b = await reader.read()
    if (a.kind !== 'ok' || b.kind !== 'ok') throw new Error('not ok')
    expect(b.data).not.toBe(a.data)
    expect(b.data).toEqual(a.data)
  })
})
