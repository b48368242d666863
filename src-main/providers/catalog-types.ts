/**
 * The catalog's types, in one place for its consumers: the entry shape (provider-spec.ts) and
 * the ids the table holds (catalog-table.ts derives `ProviderId` from it; no hand-written list).
 */
export type * from './provider-spec'
export type { CatalogEntry, ProviderId } from './catalog-table'
