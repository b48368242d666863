// `npm run bench [name…]`: bundles each bench/*.bench.ts with esbuild and runs it with node, one
// after the other (never in parallel: each prints ratios measured side by side in its own run).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, '.bench-out')
const wanted = process.argv.slice(2)
const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort()

let failures = 0
for (const file of benches) {
  const outfile = path.join(outDir, file.replace(/\.ts$/, '.cjs'))
  await build({
    entryPoints: [path.join(root, 'bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: [
      'keytar',
      'electron',
      '@playwright/test',
      'playwright',
      'playwright-core',
      'esbuild',
    ],
    define: { 'import.meta.dirname': JSON.stringify(path.join(root, 'bench')) },
    logLevel: 'warning',
  })
  console.log(`\n## ${file}`)
  const res = spawnSync(process.execPath, [outfile], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SWITCHBOARD_ROOT: root },
  })
  if (res.status !== 0) failures++
}
process.exit(failures ? 1 : 0)
