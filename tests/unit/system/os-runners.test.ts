/**
 * The real OS commands behind the CLI installer (src-main/system/os-runners.ts), run for real
 * against stand-in `pkexec` and `reg` scripts on a temp PATH: the admin prompt found on PATH runs
 * the command through `/bin/sh -c` as one argument, and `reg` answers its exit status and output.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { elevateFor, regRunner } from '../../../src-main/system/os-runners'
import { tmpHome } from '../../support/home'

const PATH = process.env.PATH
afterEach(() => {
  process.env.PATH = PATH
})

/** A folder holding an executable `name` with this shell body. */
function binWith(name: string, body: string): string {
  const dir = tmpHome('sb-os-runners-')
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 })
  return dir
}

describe('elevateFor', () => {
  it('on Linux runs the command through pkexec /bin/sh -c, found on PATH', async () => {
    const bin = binWith('pkexec', 'printf "%s\\n" "$@" > "$(dirname "$0")/args"; exec "$@"')
    const out = path.join(bin, 'made')
    const elevate = elevateFor('linux', { PATH: `/nonexistent:${bin}` })!
    // A quote in a path stays inside the one argument the shell gets.
    const file = `${out} it's`
    expect(await elevate(`touch '${file.replace(/'/g, `'\\''`)}'`)).toBe(true)
    expect(fs.existsSync(file)).toBe(true)
    expect(fs.readFileSync(path.join(bin, 'args'), 'utf8').split('\n').slice(0, 2)).toEqual([
      '/bin/sh',
      '-c',
    ])
  })

  it('answers false when the prompt is refused (pkexec exits non-zero)', async () => {
    const bin = binWith('pkexec', 'exit 126')
    expect(await elevateFor('linux', { PATH: bin })!('true')).toBe(false)
  })

  it('offers no prompt on Linux without pkexec, nor on Windows', () => {
    const notExecutable = tmpHome('sb-os-runners-')
    fs.writeFileSync(path.join(notExecutable, 'pkexec'), 'not a program', { mode: 0o644 })
    expect(elevateFor('linux', { PATH: notExecutable })).toBeUndefined()
    expect(elevateFor('linux', {})).toBeUndefined()
    expect(elevateFor('win32', { PATH: binWith('pkexec', 'exit 0') })).toBeUndefined()
  })

  it('on macOS asks osascript for administrator privileges with the command quoted', async () => {
    const bin = binWith('osascript', 'printf "%s\\n" "$@" > "$(dirname "$0")/args"')
    process.env.PATH = `${bin}:${PATH}`
    const command = `ln -sf '/A "B"/switchboard' /usr/local/bin/switchboard`
    expect(await elevateFor('darwin', {})!(command)).toBe(true)
    expect(fs.readFileSync(path.join(bin, 'args'), 'utf8')).toBe(
      `-e\ndo shell script ${JSON.stringify(command)} with administrator privileges\n`,
    )
  })
})

describe('regRunner', () => {
  it("answers reg's exit status and output, and 1 when reg cannot run", async () => {
    process.env.PATH = binWith('reg', 'echo "got $*"; exit 3')
    expect(await regRunner(['query', 'HKCU\\Environment', '/v', 'Path'])).toEqual({
      status: 3,
      stdout: 'got query HKCU\\Environment /v Path\n',
    })
    process.env.PATH = binWith('reg', `printf '%s\\n' '    Path    REG_SZ    C:\\bin'`)
    expect(await regRunner(['query'])).toEqual({
      status: 0,
      stdout: '    Path    REG_SZ    C:\\bin\n',
    })
    process.env.PATH = tmpHome('sb-os-runners-empty-')
    expect((await regRunner(['query'])).status).toBe(1)
  })
})
