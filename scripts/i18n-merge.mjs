// Merges one namespace's strings into a locale file: `node scripts/i18n-merge.mjs <ns> <file.json> [locale]`.
// A quick read-modify-write, so several people (or helpers) can add namespaces without
// clobbering each other's edits of the one-file-per-locale layout.
import fs from 'node:fs'
import path from 'node:path'

const [ns, file, locale = 'en-US'] = process.argv.slice(2)
if (!ns || !file) {
  console.error('usage: node scripts/i18n-merge.mjs <namespace> <strings.json> [locale]')
  process.exit(2)
}
const target = path.resolve(import.meta.dirname, `../src-shared/i18n/locales/${locale}.json`)
const strings = JSON.parse(fs.readFileSync(file, 'utf8'))
const current = fs.existsSync(target) ? JSON.parse(fs.readFileSync(target, 'utf8')) : {}
current[ns] = strings
fs.writeFileSync(target, `${JSON.stringify(current, null, 2)}\n`)
console.log(`${locale}: namespace "${ns}" has ${JSON.stringify(strings).length} bytes of strings`)
