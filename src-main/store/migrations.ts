/**
 * Schema migrations of the store file. `migrations[n]` turns a version-n document into version
 * n+1; a v2 is one more function in the list and a bump of SCHEMA_VERSION in schema.ts.
 */
import { AppError } from '../errors'
import { DEFAULT_GATEWAY_PORT, SCHEMA_VERSION, type StoreData, type StoredGateway } from './schema'
import { defaultSlots } from '../../src-preload/contract/slot-names'

type Doc = Record<string, unknown>

/** The data of a store that has never been written. */
export function emptyStoreData(): StoreData {
  return {
    schemaVersion: SCHEMA_VERSION,
    salt: '',
    keyCheck: null,
    keySource: null,
    credentials: [],
    models: [],
    defaults: {
      slots: Object.fromEntries(
        defaultSlots.map((s) => [s, null]),
      ) as StoreData['defaults']['slots'],
      cleared: [],
    },
    lastTests: {},
    settings: { language: null, theme: 'system', localTargets: [] },
    gateway: emptyGateway(),
  }
}

/** The gateway section of a store that never ran one: off, default port, no tokens. */
export function emptyGateway(): StoredGateway {
  return {
    enabled: false,
    port: DEFAULT_GATEWAY_PORT,
    tokens: [],
    usage: [],
    limits: {},
    disabled: {},
  }
}

/** v0 (no schemaVersion: hand-written or pre-release files): fill every missing top-level field. */
function v0ToV1(doc: Doc): Doc {
  const base = emptyStoreData() as unknown as Doc
  const out: Doc = { ...base, ...doc, schemaVersion: 1 }
  const defaults = (doc.defaults ?? {}) as Doc
  out.defaults = {
    slots: { ...(base.defaults as { slots: Doc }).slots, ...((defaults.slots as Doc) ?? {}) },
    cleared: Array.isArray(defaults.cleared) ? defaults.cleared : [],
  }
  out.settings = { ...(base.settings as Doc), ...((doc.settings as Doc) ?? {}) }
  return out
}

/** v1 → v2: the local gateway's section (DESIGN §14), off with no tokens. */
function v1ToV2(doc: Doc): Doc {
  const given = (doc.gateway ?? {}) as Doc
  return { ...doc, gateway: { ...(emptyGateway() as unknown as Doc), ...given } }
}

/** Index n migrates version n to n+1. */
export const migrations: ReadonlyArray<(doc: Doc) => Doc> = [v0ToV1, v1ToV2]

/** Brings a parsed document to SCHEMA_VERSION; refuses a file written by a newer Switchboard. */
export function migrate(doc: Doc): { data: StoreData; migrated: boolean } {
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0
  if (version > SCHEMA_VERSION) {
    throw new AppError(
      'unsupported',
      'The data file was written by a newer version of Switchboard.',
      { version, supported: SCHEMA_VERSION },
    )
  }
  let current = doc
  const from = version
  while (version < SCHEMA_VERSION) {
    const step = migrations[version]
    if (!step) throw new AppError('internal', `No migration from schema version ${version}.`)
    current = step(current)
    version += 1
    current.schemaVersion = version
  }
  return { data: current as unknown as StoreData, migrated: from !== SCHEMA_VERSION }
}
