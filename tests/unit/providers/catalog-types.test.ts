/**
 * `ProviderId` is derived from the catalog table (catalog-table.ts), not written out by hand.
 * These checks run in the typecheck (`npm run typecheck` covers tests/): if an entry loses its
 * literal id (the `as const` dropped, or an id typed `string`), `ProviderId` widens to `string`
 * and the first assertion fails; a provider added to the table without DESIGN §5 knowing it, or
 * removed from it, fails the second.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import { catalog, providerIds } from '../../../src-main/providers/catalog'
import type { CatalogEntry, ProviderId } from '../../../src-main/providers/catalog-types'
import { DESIGN_PROVIDERS } from '../../fixtures/design-providers'

describe('ProviderId', () => {
  it('is a union of literals, not string', () => {
    expectTypeOf<string>().not.toExtend<ProviderId>()
    expectTypeOf<ProviderId>().toExtend<string>()
  })

  it('holds every catalog id and nothing else (compile time and run time)', () => {
    expectTypeOf<ProviderId>().toEqualTypeOf<(typeof DESIGN_PROVIDERS)[number]>()
    expectTypeOf<CatalogEntry['id']>().toEqualTypeOf<ProviderId>()
    expect(new Set(providerIds)).toEqual(new Set(DESIGN_PROVIDERS))
    expect(catalog.map((e) => e.id)).toEqual(providerIds)
  })
})
