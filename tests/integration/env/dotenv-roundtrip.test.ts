/**
 * `env --format dotenv` (issue 11 "Secrets"): every value either reads back exactly through
 * Node's `--env-file`, the `dotenv` package, python-dotenv (Debian's python3-dotenv) and
 * `sh -c '. file'`, or is refused with a coded validation error that names the variable and not
 * the value. Nothing in a key is ever executed by any of them. Fuzzed with fast-check.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import dotenv from 'dotenv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src-main/errors'
import { dotenvProblem, formatEnv } from '../../../src-main/services/env-export'
import { tmpDir } from './helpers'

const dir = tmpDir('sb-dotenv-')
const MARK = path.join(dir, 'executed')

/** Each parser's reading of `file`, for the variables `names`. */
function readBack(file: string, names: string[]): Record<string, Record<string, string>> {
  const dump = `const o={};for(const k of ${JSON.stringify(names)}) o[k]=process.env[k];process.stdout.write(JSON.stringify(o))`
  const node = JSON.parse(
    execFileSync(process.execPath, [`--env-file=${file}`, '-e', dump], { env: {} }).toString(),
  )
  const npm = dotenv.parse(fs.readFileSync(file))
  const py = JSON.parse(
    execFileSync('/usr/bin/python3', [
      '-c',
      'import json,sys; from dotenv import dotenv_values; print(json.dumps(dotenv_values(sys.argv[1])))',
      file,
    ]).toString(),
  )
  const printed = execFileSync(
    'sh',
    [
      '-c',
      `. "$1"; for n in ${names.join(' ')}; do eval "printf '%s\\0' \\"\\$$n\\""; done`,
      'sh',
      file,
    ],
    { env: { PATH: process.env.PATH ?? '' } },
  )
    .toString()
    .split('\0')
  const sh = Object.fromEntries(names.map((n, i) => [n, printed[i]!]))
  return { node, npm, py, sh }
}

/** Keys built from the pieces that break quoting, plus shell commands that must never run. */
const pieceArb = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }),
  fc.constantFrom(
    `$(touch ${MARK})`,
    `\`touch ${MARK}\``,
    '${HOME}',
    '${X:-y}',
    '$HOME',
    "'",
    '"',
    '\\',
    '\\\\',
    '#',
    ' #',
    '=',
    ' ',
    '\t',
    '\n',
    '\r',
    'é',
    '日本',
    '\u202e',
    '\u001b[2J',
    '\u2028',
    '\v',
    '\f',
    '\u001c',
    '\u0085',
    '\u00a0',
  ),
)
const keyArb = fc
  .array(pieceArb, { minLength: 1, maxLength: 8 })
  .map((p) => `sk-${p.join('')}`)
  .filter((k) => !k.includes('\u0000'))

describe('env --format dotenv', () => {
  it('round-trips through node --env-file, dotenv, python-dotenv and sh, or refuses; nothing runs', () => {
    let file = 0
    let accepted = 0
    fc.assert(
      fc.property(fc.array(keyArb, { minLength: 20, maxLength: 40 }), (keys) => {
        const vars = Object.fromEntries(keys.map((k, i) => [`SB_FUZZ_${i}`, k]))
        const ok = Object.fromEntries(Object.entries(vars).filter(([, v]) => !dotenvProblem(v)))
        // A refused value is a coded validation error naming the variable, never the value.
        for (const [name, value] of Object.entries(vars)) {
          if (name in ok) continue
          let err: unknown
          try {
            formatEnv({ [name]: value }, 'dotenv')
          } catch (e) {
            err = e
          }
          expect(err).toBeInstanceOf(AppError)
          expect((err as AppError).code).toBe('validation')
          expect((err as AppError).params).toMatchObject({
            reason: 'dotenv_unrepresentable',
            variable: name,
          })
          expect((err as AppError).message).not.toContain(value)
        }
        const f = path.join(dir, `f${file++}.env`)
        fs.writeFileSync(f, `${formatEnv(ok, 'dotenv')}\n`)
        const names = Object.keys(ok)
        accepted += names.length
        if (!names.length) return
        const back = readBack(f, names)
        for (const [parser, got] of Object.entries(back)) {
          expect(got, parser).toEqual(ok)
        }
        expect(fs.existsSync(MARK)).toBe(false)
      }),
      { numRuns: 12 },
    )
    // The property is only worth something if many values were really written and read back.
    expect(accepted).toBeGreaterThan(60)
  }, 120_000)

  it('refuses each value no dotenv spelling can carry, with its reason', () => {
    const cases: [string, string][] = [
      ['a\nb', 'line_break'],
      ['a\rb', 'line_break'],
      ["it's", 'single_quote'],
      ['a\\\\b', 'backslashes'],
      ['ends\\', 'backslashes'],
      ['x${HOME}y', 'interpolation'],
    ]
    for (const [value, problem] of cases) {
      expect(() => formatEnv({ K: value }, 'dotenv')).toThrow(AppError)
      try {
        formatEnv({ K: value }, 'dotenv')
      } catch (e) {
        expect((e as AppError).params).toMatchObject({ problem, variable: 'K' })
      }
    }
    // The refusal's reason is a translated message in every locale, naming the variable.
    const dir = path.join(__dirname, '../../../src-shared/i18n/locales')
    for (const file of fs.readdirSync(dir)) {
      const text = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).errors
        .dotenv_unrepresentable as string
      expect(text, file).toContain('{{variable}}')
    }
    // What stays: `$(…)`, backticks, `$X`, `#`, quotes, unicode, a lone backslash.
    expect(formatEnv({ K: 'a$(id)`id`$X #"é\\b' }, 'dotenv')).toBe(`K='a$(id)\`id\`$X #"é\\b'`)
  })
})
