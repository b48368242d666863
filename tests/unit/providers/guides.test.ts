/**
 * Every provider of the catalog has a guide (issue 16), and every part of it points at something
 * real: i18n keys that exist in the source locale with the parameters they name, slots and
 * codes from their single sources, links the app is allowed to open, memory for local servers.
 * A provider added to the catalog without a guide fails here (and in the typecheck).
 *
 * `guideView` assembles the per-aspect tables, each checked here through it:
 * src-main/providers/guides/steps (each step's i18n key and parameters),
 * src-main/providers/guides/troubleshooting (keys, parameters, codes, linked pages),
 * src-main/providers/guides/recommended (real slots, non-empty lists, static model names) and
 * src-main/providers/guides/memory (ranges within the RAM they name, local servers only).
 */
import { describe, expect, it } from 'vitest'
import { catalog } from '../../../src-main/providers/catalog'
import { isSafeExternalUrl } from '../../../src-main/providers/external-links'
import {
  guideView,
  KEY_SHAPES,
  RECOMMENDED,
  STEPS,
  TROUBLESHOOTING,
} from '../../../src-main/providers/guides'
import { defaultSlots } from '../../../src-preload/contract/defaults'
import { testCodes } from '../../../src-preload/contract/errors'
import { resources } from '../../../src-shared/i18n/resources'

const guides = resources['en-US'].guides as unknown as Record<string, Record<string, string>>
const lookup = (key: string): string | undefined => {
  const [group, name] = key.split('.')
  return guides[group!]?.[name!]
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
// The failure reasons the adapters name (src-main/providers/adapters/outcome.ts FailureReason).
const REASONS = ['quota', 'missing_scope', 'service_disabled', 'api_restricted']

describe('provider guides', () => {
  it('every catalog provider has an entry in every guide table, and nothing else does', () => {
    const ids = catalog.map((e) => e.id).sort()
    for (const table of [STEPS, KEY_SHAPES, RECOMMENDED, TROUBLESHOOTING]) {
      expect(Object.keys(table).sort()).toEqual(ids)
    }
  })

  for (const entry of catalog) {
    describe(entry.id, () => {
      const guide = guideView(entry.id)

      it('has steps whose texts exist with exactly the parameters they are given', () => {
        expect(guide.steps.length).toBeGreaterThan(0)
        for (const text of [...guide.steps, ...Object.values(guide.troubleshooting)]) {
          const en = lookup(text.key)
          expect(en, text.key).toBeDefined()
          expect(placeholders(en!), text.key).toEqual(Object.keys(text.params ?? {}).sort())
        }
      })

      it('links to its key page when it takes a key, and every linked page may be opened', () => {
        const takesKey = entry.fields.some((f) => f.field === 'apiKey')
        expect(guide.keyUrl).toBe(!entry.local && takesKey ? entry.docsUrl : null)
        const pages = Object.values(guide.troubleshooting).flatMap((t) =>
          t.params?.page ? [t.params.page] : [],
        )
        for (const s of guide.steps) if (s.params?.page) pages.push(s.params.page)
        for (const url of [guide.keyUrl, ...pages]) {
          if (url) expect(isSafeExternalUrl(url), url).toBe(true)
        }
      })

      it('recommends models only for real slots of the types it serves', () => {
        for (const [slot, names] of Object.entries(guide.recommended)) {
          expect(defaultSlots as readonly string[]).toContain(slot)
          expect(names!.length).toBeGreaterThan(0)
        }
      })

      it('troubleshoots only real test codes and failure reasons', () => {
        const allowed = [...testCodes.filter((c) => c !== 'ok'), ...REASONS]
        for (const key of Object.keys(guide.troubleshooting)) expect(allowed).toContain(key)
      })

      it('gives memory needs exactly for local servers', () => {
        if (entry.local) {
          expect(guide.memory!.length).toBeGreaterThan(0)
          for (const m of guide.memory!) {
            expect(m.memoryGb[0]).toBeLessThanOrEqual(m.memoryGb[1])
            expect(m.memoryGb[1]).toBeLessThanOrEqual(m.ramGb)
          }
        } else expect(guide.memory).toBeNull()
      })
    })
  }

  it('names recommended models the static lists really have (providers without a listing API)', () => {
    for (const e of catalog.filter((c) => c.discovery === 'static')) {
      const names = new Set(e.staticModels!.map((m) => m.name))
      for (const list of Object.values(RECOMMENDED[e.id])) {
        for (const n of list!) expect(names, `${e.id}: ${n}`).toContain(n)
      }
    }
  })
})
