// Bundles scripts/screens.ts with esbuild and runs it (the production renderer must be built).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
if (!fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
  spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' })
}
// Where getting-started.md links its images, unless a folder is given.
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs/screens'))
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
const res = spawnSync(process.execPath, [outfile, outDir, ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWITCHBOARD_ROOT: root },
})
// The images are committed: made small with pngquant where it is installed (SCREENS_PNGQUANT=0
// keeps them lossless). A file pngquant cannot shrink within the quality range is left as it was.
if (res.status === 0 && process.env.SCREENS_PNGQUANT !== '0') {
  const pngs = fs.readdirSync(outDir).filter((f) => f.endsWith('.png'))
  const q = spawnSync(
    'pngquant',
    ['--quality=60-85', '--strip', '--skip-if-larger', '--ext', '.png', '--force', ...pngs],
    { cwd: outDir, stdio: 'inherit' },
  )
  if (q.error) console.warn('pngquant is not installed: the screenshots stay uncompressed.')
}
process.exit(res.status ?? 1)
