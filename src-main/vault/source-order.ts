/**
 * The ordered master-key sources (DESIGN §4): env passphrase → OS keychain → safeStorage. The
 * first available one wins; every source reports whether it is available and why not.
 */
import type { KeySourceId } from '../../src-preload/contract/vault'
import type { Availability, KeySource } from './types'

export interface SourceReport extends Availability {
  id: KeySourceId
}

/** The master-key sources in priority order, and which of them holds the key now. */
export interface SourceOrder {
  readonly sources: readonly KeySource[]
  /** Probes every source (in order). */
  probeAll(): Promise<SourceReport[]>
  /** The first available source (probing in order, stopping there); null = the vault is locked. */
  pick(): Promise<{ source: KeySource | null; reports: SourceReport[] }>
}

/** Builds the order over sources given in priority order. */
export function createSourceOrder(sources: readonly KeySource[]): SourceOrder {
  // A probe that throws says the source cannot be used now; the search goes on.
  const probe = async (s: KeySource): Promise<SourceReport> => {
    const a = await s.probe().catch((err): Availability => ({
      available: false,
      reason: 'error',
      detail: String(err).slice(0, 200),
    }))
    return { id: s.id, ...a }
  }
  const probeAll = async (): Promise<SourceReport[]> => {
    const out: SourceReport[] = []
    for (const s of sources) out.push(await probe(s))
    return out
  }
  return {
    sources,
    probeAll,
    async pick() {
      const reports: SourceReport[] = []
      for (const s of sources) {
        const report = await probe(s)
        reports.push(report)
        if (report.available) return { source: s, reports }
      }
      return { source: null, reports }
    },
  }
}
