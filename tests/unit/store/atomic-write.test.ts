/**
 * Crash-safe file replacement (src-main/store/atomic-write.ts): the target holds the old or the
 * new bytes, created private; a failed write leaves no temp file behind; temps of writers that
 * died are cleaned up, a live writer's are not.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  fsyncDir,
  removeOrphanTemps,
  replaceFile,
  writeFileAtomic,
} from '../../../src-main/store/atomic-write'
import { tmpHome } from '../../support/home'

const mode = (p: string) => fs.statSync(p).mode & 0o777

describe('writeFileAtomic / replaceFile', () => {
  it('writes and replaces a file, private by default, leaving only the target', () => {
    const dir = tmpHome('sb-atomic-')
    const file = path.join(dir, 'store.json')
    writeFileAtomic(file, '{"v":1}')
    expect(fs.readFileSync(file, 'utf8')).toBe('{"v":1}')
    expect(mode(file)).toBe(0o600)
    const inode = fs.statSync(file).ino
    replaceFile(file, Buffer.from('{"v":2}'))
    expect(fs.readFileSync(file, 'utf8')).toBe('{"v":2}')
    // Replaced by rename: a reader holding the old file keeps the old bytes.
    expect(fs.statSync(file).ino).not.toBe(inode)
    writeFileAtomic(path.join(dir, 'shared.txt'), 'x', 0o644)
    expect(mode(path.join(dir, 'shared.txt'))).toBe(0o644)
    expect(fs.readdirSync(dir).sort()).toEqual(['shared.txt', 'store.json'])
  })

  it('removes its temp file when the rename fails, and throws', () => {
    const dir = tmpHome('sb-atomic-')
    const target = path.join(dir, 'taken')
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true })
    expect(() => writeFileAtomic(target, 'x')).toThrow()
    expect(fs.readdirSync(dir)).toEqual(['taken'])
  })

  it('fsyncs a directory, and shrugs where that is impossible', () => {
    expect(() => fsyncDir(tmpHome('sb-atomic-'))).not.toThrow()
    expect(() => fsyncDir('/nonexistent/dir')).not.toThrow()
  })
})

describe('removeOrphanTemps', () => {
  it("removes dead writers' temps only, and nothing else in the folder", () => {
    const dir = tmpHome('sb-atomic-')
    const file = path.join(dir, 'switchboard.json')
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout
    const names = [
      `.switchboard.json.tmp-${dead}-aaaa0000`,
      `.switchboard.json.tmp-${process.pid}-bbbb1111`,
      `.other.json.tmp-${dead}-cccc2222`,
      'switchboard.json',
    ]
    for (const n of names) fs.writeFileSync(path.join(dir, n), '')
    removeOrphanTemps(file)
    expect(fs.readdirSync(dir).sort()).toEqual(names.slice(1).sort())
    expect(() => removeOrphanTemps('/nonexistent/dir/switchboard.json')).not.toThrow()
  })
})
