/**
 * docs/providers.md is generated from the catalog and API_FACTS (issue 12): this test fails when
 * the committed page drifts from what they render. `npm run docs:providers` rewrites it. Each
 * provider's guide rows come from src-main/providers/guides/guide-doc (steps in English with
 * their parameters filled, key shapes, recommended models, memory, troubleshooting), so a change
 * in how it renders a row shows as drift here.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { API_FACTS } from '../../../src-main/providers/api-facts'
import { catalog, providerIds } from '../../../src-main/providers/catalog'
import { renderProvidersDoc } from '../../../src-main/providers/providers-doc'

const DOC = path.resolve(__dirname, '../../../docs/providers.md')

describe('docs/providers.md', () => {
  it('has the API facts of exactly the catalog’s providers, each with its sources', () => {
    expect(Object.keys(API_FACTS).sort()).toEqual([...providerIds].sort())
    for (const e of catalog) {
      const f = API_FACTS[e.id]
      for (const k of ['test', 'listing', 'pagination', 'modelTests', 'errors'] as const) {
        expect(f[k].trim().length, `${e.id}.${k}`).toBeGreaterThan(0)
      }
      expect(f.sources.length, e.id).toBeGreaterThan(0)
    }
  })

  it('is what the catalog renders (run `npm run docs:providers` after changing either)', () => {
    const rendered = renderProvidersDoc()
    if (process.env.UPDATE_PROVIDERS_DOC === '1') fs.writeFileSync(DOC, rendered)
    const committed = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : ''
    expect(committed, 'docs/providers.md is out of date: run `npm run docs:providers`').toBe(
      rendered,
    )
    for (const e of catalog) expect(rendered).toContain(`(\`${e.id}\`)`)
  })
})
