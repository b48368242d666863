/**
 * Every channel of the contract, not just the ones a feature test happens to call: a foreign
 * sender is refused, and a payload with a field the contract does not know (or that is not an
 * object) is a validation error — before any handler runs (the handlers here would touch a real
 * store, so a call that got through would show up as data in the temp dir).
 *
 * It is the test of src-preload/contract/define (each channel keeps the request schema it was
 * declared with) and of the request schemas of src-preload/contract/home and
 * src-preload/contract/cli, which are strict objects with no (home) or one optional (cli) field.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { channelNames } from '../../src-preload/contract'
import { createAppContext } from '../../src-main/app-context'
import { tmpHome } from '../support/home'
import { OWN, ownDispatch } from '../support/ipc-harness'

const home = tmpHome('sb-all-channels-')
const app = createAppContext({
  home,
  env: {
    SWITCHBOARD_HOME: home,
    SWITCHBOARD_ENCRYPTION_KEY: 'x',
    SWITCHBOARD_DETECT_DEFAULTS: '0',
  },
})
const dispatch = ownDispatch(app)

describe('every IPC channel', () => {
  it('has a handler (and nothing else does)', () => {
    expect([...dispatch.channels]).toEqual([...channelNames].sort())
  })

  for (const channel of channelNames) {
    it(`${channel}: refuses a foreign sender and malformed payloads`, async () => {
      const foreign = await dispatch(channel, {}, 'https://example.com/')
      expect(foreign).toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      })
      for (const payload of [{ surpriseField: 1 }, 'not an object', 42, []]) {
        const res = await dispatch(channel, payload, OWN)
        expect(res, `${channel} accepted ${JSON.stringify(payload)}`).toMatchObject({
          ok: false,
          error: { code: 'validation' },
        })
      }
    })
  }

  it('left the data directory untouched', () => {
    expect(fs.existsSync(path.join(home, 'switchboard.json'))).toBe(false)
  })
})
