/**
 * What the renderer's index.html loads up front (issue 17): the landing page's code and no
 * locale's strings (main.tsx fetches the active one before rendering). Every other page, the
 * discovery dialog and each locale are chunks of their own, fetched on demand.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { locales, resources } from '../../../src-shared/i18n/resources'
import { ROOT, ensureBuilt } from '../../fixtures/built'

const DIR = path.join(ROOT, 'out/renderer')
let initialJs = ''
let chunks: string[] = []

/** The longest strings of a locale: text that only that locale's chunk may contain. */
function longestStrings(obj: unknown, out: string[] = []): string[] {
  for (const v of Object.values(obj as Record<string, unknown>)) {
    if (v && typeof v === 'object') longestStrings(v, out)
    else if (typeof v === 'string' && !v.includes('{{') && v.length > 40) out.push(v)
  }
  return out.sort((a, b) => b.length - a.length).slice(0, 5)
}

// JSON.stringify escapes what the bundler escapes too (quotes, backslashes).
const asInBundle = (s: string) => JSON.stringify(s).slice(1, -1)

beforeAll(() => {
  ensureBuilt()
  const html = fs.readFileSync(path.join(DIR, 'index.html'), 'utf8')
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  expect(initial.length).toBeGreaterThan(0)
  initialJs = initial.map((f) => fs.readFileSync(path.join(DIR, f), 'utf8')).join('\n')
  chunks = fs.readdirSync(path.join(DIR, 'assets'))
})

describe('renderer initial bundle', () => {
  for (const locale of locales) {
    it(`${locale}: its strings are in their own chunk, not in the initial JS`, () => {
      const chunk = chunks.filter((f) => f.startsWith(`${locale}-`) && f.endsWith('.js'))
      expect(chunk).toHaveLength(1)
      const text = fs.readFileSync(path.join(DIR, 'assets', chunk[0]!), 'utf8')
      const samples = longestStrings(resources[locale])
      expect(samples.length).toBeGreaterThan(0)
      for (const s of samples) {
        expect(text).toContain(asInBundle(s))
        expect(initialJs.includes(asInBundle(s)), `${locale} string in the initial JS`).toBe(false)
      }
    })
  }

  it('loads the pages other than API Keys, and the discovery dialog, on demand', () => {
    for (const name of ['ModelsPage', 'LocalPage', 'SettingsPage', 'DiscoveryDialog']) {
      expect(
        chunks.some((f) => f.startsWith(`${name}-`)),
        `${name} chunk`,
      ).toBe(true)
    }
  })
})
