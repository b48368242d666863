/** Bundling for the benches that run a checkout's code in a child or beside their own. */
import path from 'node:path'
import { build } from 'esbuild'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()

/** Bundles `entry` (absolute .ts path) for node to `.bench-out/<name>.cjs`; returns its path. */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const outfile = path.join(root, '.bench-out', `${name}.cjs`)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['keytar', 'electron'],
    logLevel: 'error',
  })
  return outfile
}
