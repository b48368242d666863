/** src-main/local/extra-targets.ts: the extra addresses detection probes, kept in memory here. */
import { describe, expect, it } from 'vitest'
import { createExtraTargets } from '../../../src-main/local/extra-targets'

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  )

describe('extra detection targets', () => {
  it('normalises, keeps one of each and removes by any spelling', async () => {
    const t = createExtraTargets()
    await t.add('http://192.168.1.20:11434/')
    expect(await t.add('http://192.168.1.20:11434')).toEqual(['http://192.168.1.20:11434'])
    expect(await t.remove('http://192.168.1.20:11434/')).toEqual([])
  })

  it('refuses a non-URL, a metadata address and a 33rd address, changing nothing', async () => {
    const t = createExtraTargets()
    expect(await codeOf(t.add('not a url'))).toBe('validation')
    expect(await codeOf(t.add('http://169.254.169.254/'))).toBe('url_blocked')
    for (let i = 1; i <= 32; i++) await t.add(`http://10.0.0.${i}:8080`)
    expect(await codeOf(t.add('http://10.0.1.1:8080'))).toBe('validation')
    expect(await t.list()).toHaveLength(32)
  })
})
