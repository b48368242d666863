/**
 * A standalone CLI (Node SEA) cannot require from node_modules: it finds keytar in the installed
 * app's unpacked resources, relative to its own executable (issue 15).
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { keytarCandidates, loadKeytarBeside } from '../../../src-main/vault/keychain-source'
import { tmpHome } from '../../support/home'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
})

/** An installed app's resources folder with a keytar-shaped module where the packager puts it. */
function resources(where: 'unpacked' | 'beside') {
  const root = tmpHome('sb-res-')
  dirs.push(root)
  const cli = path.join(root, 'resources', 'cli')
  fs.mkdirSync(cli, { recursive: true })
  const mod =
    where === 'unpacked'
      ? path.join(root, 'resources', 'app.asar.unpacked', 'node_modules', 'keytar')
      : path.join(cli, 'node_modules', 'keytar')
  fs.mkdirSync(mod, { recursive: true })
  fs.writeFileSync(path.join(mod, 'package.json'), JSON.stringify({ name: 'keytar', main: 'k.js' }))
  fs.writeFileSync(
    path.join(mod, 'k.js'),
    `module.exports = { where: ${JSON.stringify(where)}, getPassword: async () => null }`,
  )
  return path.join(cli, 'switchboard-bin')
}

describe('keytar beside a standalone CLI', () => {
  it('loads the module from app.asar.unpacked next to resources/cli', () => {
    const exe = resources('unpacked')
    const got = loadKeytarBeside([exe])
    expect(got.ok).toBe(true)
    expect((got as { keytar: { where?: string } }).keytar.where).toBe('unpacked')
  })

  it('loads a copy next to the executable (the AppImage install copies the folder out)', () => {
    const got = loadKeytarBeside([resources('beside')])
    expect((got as { keytar: { where?: string } }).keytar.where).toBe('beside')
  })

  it('says why when there is none', () => {
    const dir = tmpHome('sb-none-')
    dirs.push(dir)
    expect(loadKeytarBeside([path.join(dir, 'switchboard-bin'), undefined])).toMatchObject({
      ok: false,
    })
    expect(keytarCandidates(['/a/resources/cli/x', '/a/resources/cli/y'])).toHaveLength(2)
  })
})
