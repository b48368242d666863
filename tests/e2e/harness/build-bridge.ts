import path from 'node:path'
import { buildSync } from 'esbuild'

/** Bundles the bridge (createApi over exposeBinding) into one IIFE script. */
export function buildBridge(root: string): string {
  const result = buildSync({
    entryPoints: [path.join(root, 'tests/e2e/harness/bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}
