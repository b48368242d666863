/**
 * "Copy diagnostics" (issue 15): what a bug report needs — versions, OS, the vault's state and
 * source, how many credentials / models / defaults there are, the update and CLI state — and
 * nothing secret. It is built from metadata only (store counts, the vault's status, provider ids),
 * never from a decrypted value, so no key, key hint, name, URL or account can end up in it.
 */
import os from 'node:os'
import type { Store } from '../store/schema'
import type { Vault } from '../vault/vault'
import type { UpdateStatus } from '../../src-preload/contract/updates'
import type { CliStatus } from '../../src-preload/contract/cli'

export interface DiagnosticsDeps {
  version: string
  versions: { electron: string; chrome: string; node: string } | undefined
  store: Store
  vault: Vault
  updates: () => UpdateStatus
  cli: () => Promise<CliStatus>
  platform?: NodeJS.Platform
  arch?: string
  osRelease?: string
}

/** Diagnostics as a service, so the IPC handler needs no store (edges-not-store, issue 13). */
export interface DiagnosticsService {
  /** The diagnostics text of this moment. */
  build(): Promise<string>
}

/** Builds the service; `deps` is read on every build, so it sees the context's current values. */
export function createDiagnosticsService(deps: () => DiagnosticsDeps): DiagnosticsService {
  return { build: () => buildDiagnostics(deps()) }
}

/** The diagnostics text: versions, OS, vault state, counts, update and CLI state; nothing secret. */
export async function buildDiagnostics(deps: DiagnosticsDeps): Promise<string> {
  const data = await deps.store.read()
  const vault = await deps.vault.status()
  const cli = await deps.cli().catch(() => null)
  const updates = deps.updates()
  const providers = [...new Set(data.credentials.map((c) => c.provider))].sort()
  const byType = new Map<string, number>()
  for (const m of data.models) byType.set(m.type, (byType.get(m.type) ?? 0) + 1)
  // The slots, not the defaults record itself ({slots, cleared}): that counted 0 forever.
  const defaultsSet = Object.values(data.defaults?.slots ?? {}).filter(
    (v) => typeof v === 'string' && v,
  ).length
  const lines = [
    `Switchboard ${deps.version}`,
    `Electron ${deps.versions?.electron || '-'} · Chromium ${deps.versions?.chrome || '-'} · Node ${deps.versions?.node || process.versions.node}`,
    `OS ${deps.platform ?? process.platform} ${deps.osRelease ?? os.release()} (${deps.arch ?? process.arch})`,
    `Vault ${vault.state}, key source ${vault.source ?? 'none'}; sources: ${vault.sources
      .map((s) => `${s.id}=${s.available ? 'available' : s.reason}`)
      .join(', ')}`,
    `Credentials ${data.credentials.length} (providers: ${providers.join(', ') || '-'})`,
    `Models ${data.models.length}${
      byType.size
        ? ` (${[...byType]
            .sort()
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')})`
        : ''
    }`,
    `Default slots set ${defaultsSet}`,
    `Updates ${updates.phase}, channel ${updates.channel}, auto-check ${updates.autoCheck ? 'on' : 'off'}`,
    `Command-line tool ${cli ? (cli.installed ? `installed (${cli.method})` : cli.available ? 'not installed' : 'not shipped in this build') : 'unknown'}`,
  ]
  return lines.join('\n')
}
