/**
 * Every image the docs link is in the repository (docs/screens is written by `npm run screens`
 * and committed): a renamed shot or a folder ignored by git again fails here, not on a reader.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
const docs = [
  'README.md',
  ...fs.readdirSync(path.join(root, 'docs')).map((f) => `docs/${f}`),
].filter((f) => f.endsWith('.md'))
/** Files git tracks (or would add: not ignored), relative to the root. */
const tracked = new Set(
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).split('\n'),
)

describe('images linked from the docs', () => {
  it.each(docs)('%s links only images that git keeps', (doc) => {
    const text = fs.readFileSync(path.join(root, doc), 'utf8')
    const links = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^[a-z]+:/i.test(l))
    for (const link of links) {
      const file = path.posix.normalize(path.posix.join(path.posix.dirname(doc), link))
      expect(tracked.has(file), `${doc} → ${link}`).toBe(true)
    }
  })

  it('getting-started.md has its screenshots', () => {
    const text = fs.readFileSync(path.join(root, 'docs/getting-started.md'), 'utf8')
    expect(text.match(/!\[[^\]]*\]\(screens\/[^)]+\.png\)/g)?.length).toBeGreaterThanOrEqual(8)
  })
})
