#!/usr/bin/env node
// The installed `switchboard` command: the bundled CLI (built by `npm run build` or `npm run build:cli`).
// Before anything else: Node opens a debugger on SIGUSR1 unless a listener exists (src-cli/harden.ts).
process.on('SIGUSR1', () => {})
const path = require('node:path')
const fs = require('node:fs')

const bundle = path.join(__dirname, '../out/cli/switchboard.cjs')
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'switchboard: the CLI is not built yet — run `npm run build:cli` in the Switchboard folder.\n',
  )
  process.exit(1)
}
require(bundle)
