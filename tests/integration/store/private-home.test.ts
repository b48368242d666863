/**
 * The data folder is private (issue 11): an existing folder more open than 0700 is tightened (and
 * the store file to 0600); a folder of another user is refused with the reason, untouched; an
 * empty SWITCHBOARD_HOME stops the CLI with a validation error instead of using the default folder.
 * The store runs src-main/store/private-home on every open; each of its rules (tighten folder and
 * file, refuse another user's folder, refuse a file in the folder's place) fails a case here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliJson } from '../../fixtures/cli-in-process'
import { createFileStore, STORE_FILE } from '../../../src-main/store/file-store'
import { tmpHome } from '../vault/helpers'

const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8)
const isRoot = process.getuid?.() === 0

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const { code, json } = await cliJson(args, env)
  return { code, body: json as { error?: { code: string; message: string } } }
}

describe('private data folder', () => {
  it('tightens an existing 0755 folder to 0700 and a 0644 store file to 0600', async () => {
    const home = path.join(tmpHome(), 'Switchboard')
    fs.mkdirSync(home, { mode: 0o755 })
    fs.chmodSync(home, 0o755)
    const file = path.join(home, STORE_FILE)
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 1 }), { mode: 0o644 })
    fs.chmodSync(file, 0o644)
    await createFileStore(home).read()
    expect(mode(home)).toBe('700')
    expect(mode(file)).toBe('600')
  })

  it.runIf(isRoot)(
    'refuses a folder that belongs to another user and leaves it alone',
    async () => {
      const home = path.join(tmpHome(), 'Switchboard')
      fs.mkdirSync(home, { mode: 0o755 })
      fs.chmodSync(home, 0o755)
      fs.chownSync(home, 65534, 65534)
      await expect(createFileStore(home).read()).rejects.toMatchObject({
        code: 'validation',
        params: { field: 'SWITCHBOARD_HOME', reason: 'not_owner', file: home },
      })
      await expect(createFileStore(home).update(() => undefined)).rejects.toMatchObject({
        params: { reason: 'not_owner' },
      })
      expect(mode(home)).toBe('755')
      expect(fs.readdirSync(home)).toEqual([])
    },
  )

  it('refuses a data folder path that is a file', async () => {
    const home = path.join(tmpHome(), 'not-a-folder')
    fs.writeFileSync(home, 'x')
    await expect(createFileStore(home).read()).rejects.toMatchObject({
      code: 'validation',
      params: { reason: 'not_a_folder' },
    })
  })

  it('the CLI refuses SWITCHBOARD_HOME="" (exit 2, validation) and a relative one', async () => {
    for (const value of ['', 'relative/dir']) {
      const r = await cli(['list'], { SWITCHBOARD_HOME: value, SWITCHBOARD_ENCRYPTION_KEY: 'p' })
      expect(r.code).toBe(2)
      expect(r.body.error?.code).toBe('validation')
      expect(r.body.error?.message).toContain('SWITCHBOARD_HOME')
    }
  })
})
