// Packaging smoke (DESIGN §13): electron-builder --dir with a stand-in Electron distribution
// (the real binary cannot be downloaded here), then checks what the app.asar holds: the three
// bundles, keytar's native module unpacked beside it, and no sources or tests. Then the
// command-line tool for installed users (issue 15): the launcher in resources/cli, the standalone
// CLI (a Node single-executable application built here by scripts/build-sea.mjs, as the release
// workflow does), run from the unpacked output through a PATH-style symlink with no Node on PATH,
// and its keychain access through keytar in app.asar.unpacked (under a real Secret Service).
// Prints `pack-smoke: N passed, N failed` and exits non-zero on any failure.
import { execFileSync, spawnSync } from 'node:child_process'
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
// The standalone CLI: rebuilt when the CLI bundle is newer. If this Node cannot make one, the
// smoke says so and the launcher's system-Node fallback is what gets checked.
const sea = path.join(root, 'out/sea/switchboard-bin')
const cliBundle = path.join(root, 'out/cli/switchboard.cjs')
let seaNote = 'built'
if (!fs.existsSync(sea) || fs.statSync(sea).mtimeMs < fs.statSync(cliBundle).mtimeMs) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-sea.mjs')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (r.status !== 0) seaNote = `not built with Node ${process.version} (exit ${r.status})`
}
const seaBuilt = fs.existsSync(sea)
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
const pkgVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version
const cliDir = path.join(resources, 'cli')
const launcher = path.join(cliDir, 'switchboard')
const isExecutable = (f) => {
  try {
    fs.accessSync(f, fs.constants.X_OK)
    return true
  } catch {
    return false
  }
}
// The PATH install: a symlink named `switchboard` in a bin folder, and a PATH holding only that
// folder and the two tools the launcher uses (dirname, readlink) — no Node anywhere on it.
const bin = path.join(work, 'bin')
fs.mkdirSync(bin)
const onPath = path.join(bin, 'switchboard')
if (fs.existsSync(launcher)) fs.symlinkSync(launcher, onPath)
for (const tool of ['dirname', 'readlink']) {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()
  if (found) fs.symlinkSync(found, path.join(bin, tool))
}
const runCli = (args, extraEnv = {}) =>
  spawnSync(onPath, args, {
    encoding: 'utf8',
    env: { PATH: bin, HOME: work, SWITCHBOARD_HOME: path.join(work, 'home'), ...extraEnv },
    timeout: 60_000,
  })
const version = fs.existsSync(onPath) ? runCli(['--version']) : { stdout: '', status: -1 }
// Keychain through keytar from app.asar.unpacked: a standalone CLI cannot require node_modules,
// so an available keychain proves it found the unpacked module. Needs a Secret Service.
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
let keychain = null
if (seaBuilt && have('dbus-run-session') && have('gnome-keyring-daemon')) {
  const dataHome = path.join(work, 'keyring')
  fs.mkdirSync(dataHome)
  const r = spawnSync(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      `echo -n pack-smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null; PATH="${bin}" "${onPath}" --json vault status`,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, XDG_DATA_HOME: dataHome, SWITCHBOARD_HOME: path.join(work, 'home') },
      timeout: 60_000,
    },
  )
  try {
    keychain = JSON.parse(r.stdout).sources.find((x) => x.id === 'keychain')
  } catch {
    keychain = { available: false, reason: `no JSON: ${r.stderr.slice(0, 200)}` }
  }
}
const afterInstall = fs.readFileSync(path.join(root, 'build/linux/after-install.tpl'), 'utf8')

const checks = [
  ['app.asar exists', fs.existsSync(archive)],
  ['main bundle inside', has('/out/main/index.js')],
  ['preload bundle inside', has('/out/preload/index.cjs')],
  ['renderer inside', has('/out/renderer/index.html')],
  // The packaged app cannot run the CLI itself (the RunAsNode fuse is off): it ships in resources/cli.
  ['no CLI bundle inside the asar', !has('/out/cli/switchboard.cjs')],
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
  ['CLI launcher in resources/cli, executable', isExecutable(launcher)],
  ['CLI bundle beside the launcher', fs.existsSync(path.join(cliDir, 'switchboard.cjs'))],
  ['no Windows launcher in a Linux package', !fs.existsSync(path.join(cliDir, 'switchboard.cmd'))],
  [
    `standalone CLI (Node SEA) in resources/cli: ${seaNote}`,
    isExecutable(path.join(cliDir, 'switchboard-bin')),
  ],
  [
    `\`switchboard --version\` through a PATH symlink, no Node on PATH → ${version.stdout.trim() || version.status}`,
    version.status === 0 && version.stdout.trim() === pkgVersion,
  ],
  [
    keychain
      ? `standalone CLI reaches the keychain through keytar in app.asar.unpacked (${keychain.available ? 'available' : keychain.reason})`
      : 'standalone CLI keychain check skipped (no Secret Service here)',
    keychain ? keychain.available === true : true,
  ],
  [
    'the app binary is switchboard-app, leaving /usr/bin/switchboard to the CLI',
    fs.existsSync(path.join(output, unpackedDir ?? 'missing', 'switchboard-app')),
  ],
  [
    "the deb's after-install links /usr/bin/switchboard to the launcher",
    afterInstall.includes("CLI_TARGET='/opt/${sanitizedProductName}/resources/cli/switchboard'") &&
      afterInstall.includes('ln -sf "$CLI_TARGET" \'/usr/bin/switchboard\''),
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
