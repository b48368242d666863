/**
 * Tests mirror the source (issue 13): every module of main, preload and the CLI is named by a
 * test — imported by its path, or named in a test's doc comment where the test drives it
 * through a bigger entry point (an IPC handler through the harness, say). The modules no test
 * names yet are listed in tests/support/unnamed-modules.ts; that list may only shrink: a new
 * module comes with its test, and a listed module that gains one must leave the list.
 *
 * Type-only modules (only types and interfaces) have nothing to run, so nothing to test: they
 * are exempt, decided mechanically — esbuild's TypeScript transform leaves no code but comments
 * and `export {}` — and must not be on the list either.
 */
import fs from 'node:fs'
import path from 'node:path'
import { transformSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { UNNAMED_MODULES } from '../support/unnamed-modules'

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
// The list itself and this test name every module: they do not count.
const NOT_TESTS = ['tests/support/unnamed-modules.ts', 'tests/unit/every-module-named.test.ts']
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
  it('names every module not on the list', () => {
    const unnamed = modules.filter((m) => !UNNAMED_MODULES.includes(m) && !named(m))
    expect(unnamed, 'add a test for these (or name the module in the test that covers it)').toEqual(
      [],
    )
  })

  it('keeps the list honest: every listed module exists, has code and still has no test', () => {
    expect(
      UNNAMED_MODULES.filter((m) => !modules.includes(m)),
      'gone or type-only: drop from the list',
    ).toEqual([])
    expect(UNNAMED_MODULES.filter(named), 'now named: drop from the list').toEqual([])
  })
})
