// Packaging smoke (DESIGN §13): electron-builder --dir with a stand-in Electron distribution
// (the real binary cannot be downloaded here), then checks what the app.asar holds: the three
// bundles, keytar's native module unpacked beside it, and no sources or tests.
// Prints `pack-smoke: N passed, N failed` and exits non-zero on any failure.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const asar = require('@electron/asar')
const root = path.resolve(import.meta.dirname, '..')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-pack-'))
const dist = path.join(work, 'electron-dist')
const output = path.join(work, 'release')

// A stand-in Electron: an executable and the folder layout electron-builder copies from.
fs.mkdirSync(path.join(dist, 'resources'), { recursive: true })
fs.writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\necho "stand-in electron"\n', {
  mode: 0o755,
})
fs.writeFileSync(path.join(dist, 'LICENSE'), 'stand-in')
fs.writeFileSync(
  path.join(dist, 'version'),
  JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'))
    .version,
)

if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' })
}
execFileSync(
  path.join(root, 'node_modules/.bin/electron-builder'),
  [
    '--dir',
    '--linux',
    `-c.electronDist=${dist}`,
    `-c.directories.output=${output}`,
    '-c.npmRebuild=false',
    '--publish=never',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  },
)

const unpackedDir = fs.readdirSync(output).find((d) => d.endsWith('-unpacked'))
const resources = path.join(output, unpackedDir ?? 'missing', 'resources')
const archive = path.join(resources, 'app.asar')
const files = fs.existsSync(archive)
  ? asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'))
  : []
const has = (p) => files.includes(p)
const keytarUnpacked = path.join(
  resources,
  'app.asar.unpacked/node_modules/keytar/build/Release/keytar.node',
)

const checks = [
  ['app.asar exists', fs.existsSync(archive)],
  ['main bundle inside', has('/out/main/index.js')],
  ['preload bundle inside', has('/out/preload/index.cjs')],
  ['renderer inside', has('/out/renderer/index.html')],
  ['CLI bundle inside', has('/out/cli/switchboard.cjs')],
  ["keytar's native module is unpacked", fs.existsSync(keytarUnpacked)],
  [
    'tray icons shipped as resources',
    fs.existsSync(path.join(resources, 'assets/tray/healthy.png')),
  ],
  ['no TypeScript sources', !files.some((f) => /\.tsx?$/.test(f) && !f.includes('/node_modules/'))],
  ['no tests or fixtures', !files.some((f) => /^\/(tests|bench|src-[a-z]+)\//.test(f))],
  ['no source maps', !files.some((f) => f.endsWith('.map'))],
  [
    'no bundled-away dependencies (react, openai, zod) in node_modules',
    !files.some((f) => /\/node_modules\/(react|openai|zod)\//.test(f)),
  ],
]
let passed = 0
let failed = 0
for (const [name, ok] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  if (ok) passed++
  else failed++
}
fs.rmSync(work, { recursive: true, force: true })
console.log(`pack-smoke: ${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
