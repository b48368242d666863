/** The log file (issue 13): private, rotated by size, never more than `keep` files. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createRotatingFile } from '../../../src-main/log/rotating-file'
import { tmpHome } from '../../support/home'

const tmp = () => tmpHome('sb-log-')
const mode = (p: string) => fs.statSync(p).mode & 0o777

describe('rotating log file', () => {
  it('creates nothing until the first line, then a 0700 folder and a 0600 file', () => {
    const dir = path.join(tmp(), 'logs')
    const sink = createRotatingFile({ dir, name: 'main.log' })
    expect(fs.existsSync(dir)).toBe(false)
    sink.write('one\n')
    expect(fs.readFileSync(sink.path, 'utf8')).toBe('one\n')
    if (process.platform !== 'win32') {
      expect(mode(dir)).toBe(0o700)
      expect(mode(sink.path)).toBe(0o600)
    }
  })

  it('rotates at the size bound and keeps at most `keep` files', () => {
    const dir = tmp()
    const sink = createRotatingFile({ dir, name: 'main.log', maxBytes: 100, keep: 3 })
    for (let i = 0; i < 40; i++)
      sink.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(20)}\n`)
    expect(fs.readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2'])
    for (const f of fs.readdirSync(dir)) {
      expect(fs.statSync(path.join(dir, f)).size).toBeLessThanOrEqual(100)
    }
    // The newest line is in the live file, the older ones in order behind it.
    expect(fs.readFileSync(sink.path, 'utf8')).toContain('line 039')
    expect(fs.readFileSync(`${sink.path}.1`, 'utf8')).not.toContain('line 039')
  })

  it('narrows a file found with wider rights before adding to it', () => {
    if (process.platform === 'win32') return
    const dir = tmp()
    const file = path.join(dir, 'main.log')
    fs.writeFileSync(file, 'old\n', { mode: 0o644 })
    fs.chmodSync(file, 0o644)
    createRotatingFile({ dir, name: 'main.log' }).write('new\n')
    expect(mode(file)).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).toBe('old\nnew\n')
  })
})
