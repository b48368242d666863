// `npm test`: everything CI runs (DESIGN §13) — typecheck, lint + import boundaries, the build,
// the Electronegativity scan,
// vitest (unit + integration, with a real Secret Service when dbus and gnome-keyring exist),
// the Playwright e2e specs, and the packaging smoke. Ends with one line `N passed, N failed`
// summed over every runner, because the CI reader understands only that.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name) => path.join(root, 'node_modules/.bin', name)

const only = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
const summary = []

function run(label, cmd, args, opts = {}) {
  console.log(`\n── ${label} ──`)
  const started = Date.now()
  const res = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...opts.env },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { ok: res.status === 0, seconds }
}
function step(label, cmd, args, opts) {
  if (only.length && !only.includes(label)) return
  const { ok, seconds } = run(label, cmd, args, opts)
  if (ok) passed++
  else failed++
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds}s)`)
  return ok
}
const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0

step('typecheck', 'npm', ['run', '-s', 'typecheck'])
step('eslint', bin('eslint'), ['.', '--max-warnings', '0'])
step('prettier', 'npm', ['run', '-s', 'format:check'])
step('boundaries', bin('depcruise'), [
  '--config',
  '.dependency-cruiser.cjs',
  'src-main',
  'src-preload',
  'src-renderer',
  'src-cli',
  'src-shared',
])
const built = step('build', 'npm', ['run', '-s', 'build'])
// Electronegativity over the source and the build: fails on any unreviewed HIGH/MEDIUM finding.
if (built !== false) step('electronegativity', 'node', ['scripts/electronegativity.mjs'])

if (!only.length || only.includes('vitest')) {
  const out = path.join(root, 'test-results/vitest.json')
  fs.rmSync(out, { force: true })
  const vitest = `${bin('vitest')} run --reporter=default --reporter=json --outputFile=${out}`
  // A real Secret Service for the keychain tests: a private session bus with an unlocked keyring.
  const keyring = have('dbus-run-session') && have('gnome-keyring-daemon')
  // The keyring lives in a fresh XDG_DATA_HOME: never the developer's own keyring, and never a
  // keyring left by an earlier run with another password (which would stay locked).
  const keyringHome = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-keyring-'))
  const { seconds } = keyring
    ? run(
        'vitest (under dbus-run-session + gnome-keyring)',
        'dbus-run-session',
        [
          '--',
          'sh',
          '-c',
          `echo -n switchboard-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ${vitest}`,
        ],
        { env: { XDG_DATA_HOME: keyringHome } },
      )
    : run('vitest (no Secret Service here: keychain tests skip outside CI)', 'sh', ['-c', vitest])
  fs.rmSync(keyringHome, { recursive: true, force: true })
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'))
    passed += r.numPassedTests
    // A suite that failed without a failed test (an import error) counts as one failure.
    failed += r.numFailedTests + suitesFailedWithoutTests(r)
    skipped += r.numPendingTests + (r.numTodoTests ?? 0)
    summary.push(
      `${r.numFailedTests ? 'FAIL' : 'ok  '} vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped (${seconds}s)`,
    )
  } else {
    failed++
    summary.push(`FAIL vitest produced no report (${seconds}s)`)
  }
}

function suitesFailedWithoutTests(r) {
  return (r.testResults ?? []).filter(
    (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length
}

if (!only.length || only.includes('e2e')) {
  if (!built) {
    failed++
    summary.push('FAIL e2e not run: the build failed')
  } else {
    const out = path.join(root, 'test-results/e2e-report.json')
    fs.rmSync(out, { force: true })
    const { seconds } = run('playwright (chromium-bridge + electron)', bin('playwright'), ['test'])
    if (fs.existsSync(out)) {
      const s = JSON.parse(fs.readFileSync(out, 'utf8')).stats
      passed += s.expected + s.flaky
      failed += s.unexpected
      skipped += s.skipped
      summary.push(
        `${s.unexpected ? 'FAIL' : 'ok  '} e2e: ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped (${seconds}s)`,
      )
    } else {
      failed++
      summary.push(`FAIL e2e produced no report (${seconds}s)`)
    }
  }
}

step('packaging smoke', 'node', ['scripts/pack-smoke.mjs'])

console.log('\n── summary ──')
for (const line of summary) console.log(line)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed ? 1 : 0)
