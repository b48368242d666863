// The renderer's initial JS (what index.html loads, preloads included, plus the active locale's
// strings, which main.tsx loads before the first render), gzip-compressed, against 150 KB. The
// active locale is taken at its worst: the largest locale chunk. Pages other than the landing
// page and the other locales are separate chunks, loaded on demand; they are listed, not counted.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { locales } from '../src-shared/i18n/locale-tags'

const TARGET_KB = 150
const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const dir = path.join(root, 'out/renderer')
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
const initial = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)

const size = (file: string) => {
  const buf = fs.readFileSync(path.join(dir, file))
  return { raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length }
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const line = (label: string, s: { raw: number; gz: number }) =>
  console.log(`${label.padEnd(44)} ${kb(s.raw)} raw, ${kb(s.gz)} gzip`)

const localeOf = (f: string) => locales.find((l) => path.basename(f).startsWith(`${l}-`))
const chunks = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'))
const localeChunks = chunks
  .filter((f) => localeOf(f))
  .map((f) => ({ file: `assets/${f}`, ...size(`assets/${f}`) }))
  .sort((a, b) => b.gz - a.gz)
if (localeChunks.length !== locales.length)
  throw new Error(`expected ${locales.length} locale chunks, found ${localeChunks.length}`)
const worstLocale = localeChunks[0]!

let raw = 0
let gz = 0
for (const a of initial) {
  const s = size(a)
  raw += s.raw
  gz += s.gz
  line(a, s)
}
line(`${worstLocale.file} (largest locale)`, worstLocale)
raw += worstLocale.raw
gz += worstLocale.gz
console.log(`initial JS + CSS + active locale: ${kb(raw)} raw, ${kb(gz)} gzip`)
for (const f of chunks.filter((c) => !initial.includes(`assets/${c}`))) {
  if (localeOf(f)) continue
  line(`  on demand: assets/${f}`, size(`assets/${f}`))
}
console.log(
  `  on demand: ${localeChunks.length - 1} other locales, ${kb(localeChunks.slice(1).reduce((n, c) => n + c.gz, 0))} gzip`,
)
const target = TARGET_KB * 1024
console.log(
  `target ≤ ${TARGET_KB} KB gzip: ${kb(gz)} (ratio ${(gz / target).toFixed(2)}×) ${gz <= target ? 'OK' : 'missed'}`,
)
