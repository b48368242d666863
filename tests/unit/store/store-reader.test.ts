/**
 * Reading the store file (src-main/store/store-reader.ts): any text parses to ok, absent or
 * corrupt with a problem — never a crash, only a newer schema throws `unsupported` — and the
 * cached reader hands out one frozen copy while the file is unchanged and old enough to trust,
 * and sees every replacement.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../src-main/store/atomic-write'
import { emptyStoreData } from '../../../src-main/store/migrations'
import { SCHEMA_VERSION } from '../../../src-main/store/schema'
import { createCachedReader, parseStoreText, readText } from '../../../src-main/store/store-reader'
import { tmpHome } from '../../support/home'

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
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(file, old, old)
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
