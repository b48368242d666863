// Bundles the CLI twice from the same sources:
// - out/cli/switchboard.mjs + chunks: ES modules with code splitting, run by bin/switchboard.cjs
//   (a source checkout, `npm link`). The entry (argument parsing, help, the command table) is
//   small; the app context (services, SDKs, undici, zod schemas) is a chunk loaded by a dynamic
//   import only when a command runs, so `switchboard --help` starts fast (issue 17). Chunks sit
//   beside the entry, so `__dirname` means out/cli as it did for one file.
// - out/cli/switchboard.cjs: one CommonJS file, for what needs a single script: the installed
//   app's resources/cli and the Node single-executable build (scripts/build-sea.mjs).
// Native keytar stays external (optional at run time).
import fs from 'node:fs'
import { build } from 'esbuild'

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'))
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  external: ['keytar', 'electron'],
  define: { __SWITCHBOARD_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
}
fs.rmSync('out/cli', { recursive: true, force: true })
await build({
  ...common,
  entryPoints: { switchboard: 'src-cli/index.ts' },
  outdir: 'out/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  splitting: true,
  format: 'esm',
  // Bundled CommonJS (undici, the keytar loader) calls require; ES modules have none, so each
  // output file gets one (and the __dirname/__filename CommonJS code expects) for itself.
  banner: {
    js: [
      "import { createRequire as __sbCreateRequire } from 'node:module'",
      "import { fileURLToPath as __sbFileURLToPath } from 'node:url'",
      'const require = __sbCreateRequire(import.meta.url)',
      'const __filename = __sbFileURLToPath(import.meta.url)',
      "const __dirname = __sbFileURLToPath(new URL('.', import.meta.url))",
    ].join(';'),
  },
})
await build({
  ...common,
  entryPoints: ['src-cli/index.ts'],
  outfile: 'out/cli/switchboard.cjs',
  format: 'cjs',
})
console.log('built out/cli/switchboard.mjs (+ chunks) and out/cli/switchboard.cjs')
