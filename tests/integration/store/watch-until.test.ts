/**
 * `watchUntil`, the store lock's and its queue's one wait (issue 17): news about the watched
 * path that passes the match ends it, other news does not, a path already gone ends it at once,
 * and with no news at all the timer ends it. Order is asserted, never a time.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { watchUntil } from '../../../src-main/store/watch-until'
import { tmpHome } from '../vault/helpers'

const LONG = 60_000

describe('watchUntil', () => {
  it('ends when a file with the matching name goes from the watched folder, not before', async () => {
    const dir = tmpHome()
    fs.writeFileSync(path.join(dir, 'lock'), 'x')
    fs.writeFileSync(path.join(dir, 'other'), 'x')
    const events: string[] = []
    const waiting = watchUntil(dir, (name) => name === 'lock', LONG).then(() => events.push('woke'))
    // News about another name only: still waiting after it has surely been delivered.
    fs.rmSync(path.join(dir, 'other'))
    await new Promise((r) => setTimeout(r, 200))
    events.push('removing lock')
    fs.rmSync(path.join(dir, 'lock'))
    await waiting
    expect(events).toEqual(['removing lock', 'woke'])
  })

  it('ends when the watched file changes or goes', async () => {
    const dir = tmpHome()
    const ticket = path.join(dir, '7')
    fs.writeFileSync(ticket, 'x')
    const touched = watchUntil(ticket, () => true, LONG)
    const now = new Date()
    fs.utimesSync(ticket, now, now)
    await touched
    const gone = watchUntil(ticket, () => true, LONG)
    fs.rmSync(ticket)
    await gone
  })

  it('ends at once for a path that is already gone, and by its timer when nothing happens', async () => {
    const dir = tmpHome()
    await watchUntil(path.join(dir, 'missing'), () => true, LONG)
    await watchUntil(dir, () => true, 10)
  })
})
