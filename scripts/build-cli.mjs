// Bundles the CLI into one CommonJS file. Native keytar stays external (optional at run time).
import fs from 'node:fs'
import { build } from 'esbuild'

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'))
await build({
  entryPoints: ['src-cli/index.ts'],
  outfile: 'out/cli/switchboard.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  external: ['keytar', 'electron'],
  define: { __SWITCHBOARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
})
console.log('built out/cli/switchboard.cjs')
