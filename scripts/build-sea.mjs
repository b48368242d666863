// Builds the standalone `switchboard` executable: a Node single-executable application (SEA,
// https://nodejs.org/api/single-executable-applications.html) made of the running Node binary
// and the CLI bundle, so an installed user needs no Node. The release workflow runs it on each
// OS before electron-builder, which ships out/sea/ in resources/cli (electron-builder.yml).
//   node scripts/build-sea.mjs            → out/sea/switchboard-bin[.exe]
// Steps as the Node docs give them: blob from sea-config.json, copy of `node`, signature removed
// (macOS/Windows), blob injected with postject, re-signed ad hoc on macOS (the release signs it
// properly through electron-builder's signing of extra resources).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, 'out/sea')
const bundle = path.join(root, 'out/cli/switchboard.cjs')
const exe = path.join(
  outDir,
  process.platform === 'win32' ? 'switchboard-bin.exe' : 'switchboard-bin',
)
const run = (cmd, args) => execFileSync(cmd, args, { cwd: outDir, stdio: 'inherit' })

if (!fs.existsSync(bundle))
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: root, stdio: 'inherit' })
fs.rmSync(outDir, { recursive: true, force: true })
fs.mkdirSync(outDir, { recursive: true })
const blob = path.join(outDir, 'sea-prep.blob')
fs.writeFileSync(
  path.join(outDir, 'sea-config.json'),
  JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true }),
)
run(process.execPath, ['--experimental-sea-config', 'sea-config.json'])
fs.copyFileSync(process.execPath, exe)
fs.chmodSync(exe, 0o755)
if (process.platform === 'darwin') run('codesign', ['--remove-signature', exe])
const postject = path.join(root, 'node_modules/postject/dist/cli.js')
run(process.execPath, [
  postject,
  exe,
  'NODE_SEA_BLOB',
  blob,
  '--sentinel-fuse',
  'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
])
if (process.platform === 'darwin') run('codesign', ['--sign', '-', exe])
fs.rmSync(blob)
fs.rmSync(path.join(outDir, 'sea-config.json'))
console.log(`built ${path.relative(root, exe)} (Node ${process.version})`)
