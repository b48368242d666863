import path from 'node:path'
import { buildSync } from 'esbuild'

const built = new Map<string, string>()

/** Bundles the bridge (createApi over exposeBinding) into one IIFE script, once per process. */
export function buildBridge(root: string): string {
  const cached = built.get(root)
  if (cached) return cached
  const result = buildSync({
    entryPoints: [path.join(root, 'tests/e2e/harness/bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  })
  const text = result.outputFiles[0]!.text
  built.set(root, text)
  return text
}
