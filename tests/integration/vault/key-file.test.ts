/**
 * SWITCHBOARD_ENCRYPTION_KEY_FILE is read without trusting it (issue 11 "Secrets"): a FIFO, a
 * device, a directory, a file over 4 KiB, or one that group/others can read or write is refused,
 * and `vault status` (service, CLI human and JSON) says which and why. A FIFO never hangs.
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../fixtures/built'
import { MAX_KEY_FILE_BYTES } from '../../../src-main/vault/env-source'
import { setup, tmpHome } from './helpers'

const LOCALES = path.join(ROOT, 'src-shared/i18n/locales')

const PASS = 'key file test passphrase'

function keyFile(content: string | Buffer, mode: number): string {
  const file = path.join(tmpHome(), 'master.key')
  fs.writeFileSync(file, content)
  fs.chmodSync(file, mode)
  return file
}

async function envSource(file: string) {
  const status = await setup(tmpHome(), {
    env: { SWITCHBOARD_ENCRYPTION_KEY_FILE: file },
  }).vault.status()
  return { state: status.state, ...status.sources.find((s) => s.id === 'env')! }
}

describe('SWITCHBOARD_ENCRYPTION_KEY_FILE', () => {
  it('is used when it is a small regular file only its owner can read (0600, 0400)', async () => {
    for (const mode of [0o600, 0o400]) {
      expect(await envSource(keyFile(`${PASS}\n`, mode))).toMatchObject({
        state: 'unlocked',
        available: true,
      })
    }
  })

  it('refuses a FIFO at once (no hang), a device and a directory', async () => {
    const fifo = path.join(tmpHome(), 'fifo')
    execFileSync('mkfifo', ['-m', '600', fifo])
    for (const file of [fifo, '/dev/zero', tmpHome()]) {
      const s = await envSource(file)
      expect(s, file).toMatchObject({
        state: 'locked',
        available: false,
        reason: 'key_file_not_regular',
      })
      expect(s.detail).toContain(file)
    }
  })

  it('refuses a file over 4 KiB', async () => {
    const s = await envSource(keyFile('x'.repeat(MAX_KEY_FILE_BYTES + 1), 0o600))
    expect(s).toMatchObject({ available: false, reason: 'key_file_too_large' })
    expect(await envSource(keyFile('x'.repeat(MAX_KEY_FILE_BYTES), 0o600))).toMatchObject({
      available: true,
    })
  })

  it('refuses a file that group or others can read or write', async () => {
    for (const mode of [0o644, 0o640, 0o604, 0o620, 0o602, 0o666]) {
      const s = await envSource(keyFile(PASS, mode))
      expect(s, mode.toString(8)).toMatchObject({
        available: false,
        reason: 'key_file_permissions',
      })
      expect(s.detail).toContain('chmod 600')
    }
  })

  it('has every refusal reason translated for the Settings vault panel, in every locale', () => {
    for (const file of fs.readdirSync(LOCALES)) {
      const reasons = JSON.parse(fs.readFileSync(path.join(LOCALES, file), 'utf8')).apiKeys.vault
        .reasons as Record<string, string>
      for (const r of [
        'key_file_not_regular',
        'key_file_too_large',
        'key_file_permissions',
        'key_file_empty',
        'key_file_unreadable',
      ])
        expect(reasons[r], `${file} ${r}`).toBeTruthy()
    }
  })

  describe('switchboard vault status', () => {
    beforeAll(() => {
      execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: 'ignore' })
    }, 120_000)

    const run = (args: string[], file: string) =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'bin/switchboard.cjs'), ...args], {
          env: {
            PATH: process.env.PATH ?? '',
            SWITCHBOARD_HOME: tmpHome(),
            SWITCHBOARD_ENCRYPTION_KEY_FILE: file,
            // No Secret Service here: the env source is the only one that could work.
            DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
          },
        })
        let stdout = ''
        child.stdout.on('data', (d) => (stdout += d))
        child.stdin.end()
        child.on('close', (code) => resolve({ code: code ?? -1, stdout }))
      })

    it('shows the reason in human and JSON output', async () => {
      const file = keyFile(PASS, 0o644)
      const human = await run(['vault', 'status'], file)
      expect(human.stdout).toContain('✗ env — key_file_permissions')
      expect(human.stdout).toContain('chmod 600')
      const json = await run(['--json', 'vault', 'status'], file)
      const env = (JSON.parse(json.stdout) as { sources: { id: string }[] }).sources.find(
        (s) => s.id === 'env',
      )
      expect(env).toMatchObject({ available: false, reason: 'key_file_permissions' })
    }, 60_000)
  })
})
