/**
 * Tests mirror the source (issue 13): every module of main, preload and the CLI is named by a
 * test — imported by its path, or named in a test's doc comment where the test drives it
 * through a bigger entry point (an IPC handler through the harness, say). A new module comes
 * with its test. (A ratchet list of unnamed modules started at 98 of 253; it reached empty and
 * was removed, so there is no list to add to.)
 *
 * Type-only modules (only types and interfaces) have nothing to run, so nothing to test: they
 * are exempt, decided mechanically — esbuild's TypeScript transform leaves no code but comments
 * and `export {}`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { transformSync } from 'esbuild'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const SOURCES = ['src-main', 'src-preload', 'src-cli']

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter(keep)
    .map((name) => path.posix.join(dir, name.split(path.sep).join('/')))
}

/** Whether `file` is types only: its compiled JavaScript holds nothing but comments and `export {}`. */
function typeOnly(file: string): boolean {
  const { code } = transformSync(fs.readFileSync(path.join(ROOT, file), 'utf8'), { loader: 'ts' })
  return (
    code
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
      .replace(/export\s*\{\s*\};?/g, '')
      .trim() === ''
  )
}

const modules = SOURCES.flatMap((d) =>
  filesUnder(d, (n) => n.endsWith('.ts') && !n.endsWith('.d.ts')),
)
  .filter((m) => !typeOnly(m))
  .sort()
// This test names every module: it does not count.
const NOT_TESTS = ['tests/unit/every-module-named.test.ts']
const testText = filesUnder('tests', (n) => /\.(ts|tsx|mjs|cjs)$/.test(n))
  .filter((f) => !NOT_TESTS.includes(f))
  .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
  .join('\n')

/** Whether a test names `module`: its path without `.ts` (its folder for an index) then a non-name character. */
function named(module: string): boolean {
  const stem = module.replace(/\.ts$/, '')
  const names = stem.endsWith('/index') ? [stem, stem.slice(0, -'/index'.length)] : [stem]
  return names.some((n) =>
    new RegExp(`${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(testText),
  )
}

describe('every module has a test that names it', () => {
  it('names every module that has code', () => {
    const unnamed = modules.filter((m) => !named(m))
    expect(unnamed, 'add a test for these (or name the module in the test that covers it)').toEqual(
      [],
    )
  })

  it('sees the modules and the exemption it relies on', () => {
    // Guards against a path mistake that would make the check above vacuous.
    expect(modules.length).toBeGreaterThan(200)
    expect(modules).toContain('src-main/app-context.ts')
    expect(typeOnly('src-main/vault/types.ts')).toBe(true)
    expect(typeOnly('src-main/app-context.ts')).toBe(false)
  })
})
