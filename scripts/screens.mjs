// Bundles scripts/screens.ts with esbuild and runs it (the production renderer must be built).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
  spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' })
}
const outfile = path.join(root, '.bench-out/screens.cjs')
await build({
  entryPoints: [path.join(root, 'scripts/screens.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['keytar', 'electron', '@playwright/test', 'playwright', 'playwright-core', 'esbuild'],
  logLevel: 'warning',
})
const res = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWITCHBOARD_ROOT: root },
})
process.exit(res.status ?? 1)
