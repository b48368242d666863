#!/usr/bin/env node
// The installed `switchboard` command: the bundled CLI (built by `npm run build` or `npm run build:cli`),
// an ES module entry whose command code loads in chunks on demand.
// Before anything else: Node opens a debugger on SIGUSR1 unless a listener exists (src-cli/harden.ts).
process.on('SIGUSR1', () => {})
const path = require('node:path')
const fs = require('node:fs')
const { pathToFileURL } = require('node:url')

const bundle = path.join(__dirname, '../out/cli/switchboard.mjs')
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'switchboard: the CLI is not built yet — run `npm run build:cli` in the Switchboard folder.\n',
  )
  process.exit(1)
}
import(pathToFileURL(bundle).href).catch((err) => {
  process.stderr.write(`switchboard: could not start: ${err && err.message}\n`)
  process.exit(1)
})
