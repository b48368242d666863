/**
 * Child processes for multi-process tests: a TypeScript entry bundled to one CommonJS file that
 * plain `node` runs (the repo has no tsx), in a fresh temp folder.
 */
import path from 'node:path'
import { build } from 'esbuild'
import { tmpHome } from './home'

/** Bundles `entry` (an absolute .ts path) for `node`; returns the script's path. */
export async function bundleChild(entry: string): Promise<string> {
  const outfile = path.join(tmpHome('sb-child-'), `${path.basename(entry, '.ts')}.cjs`)
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    // A native module stays a require (no child here uses the keychain; bundling it cannot work).
    external: ['keytar'],
    logLevel: 'error',
  })
  return outfile
}
