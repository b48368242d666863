#!/usr/bin/env node
// The installed `switchboard` command: the bundled CLI (built by `npm run build:cli`).
require('../out/cli/switchboard.cjs')
