// The renderer's initial bundle (what index.html loads), gzip-compressed, against a 350 KB budget.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const root = process.env.SWITCHBOARD_ROOT ?? process.cwd()
const dir = path.join(root, 'out/renderer')
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
let raw = 0
let gz = 0
for (const a of assets) {
  const buf = fs.readFileSync(path.join(dir, a))
  raw += buf.length
  const g = zlib.gzipSync(buf, { level: 9 }).length
  gz += g
  console.log(
    `${a.padEnd(40)} ${(buf.length / 1024).toFixed(1)} KB raw, ${(g / 1024).toFixed(1)} KB gzip`,
  )
}
const budget = 350 * 1024
console.log(`initial bundle: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`)
console.log(
  `budget 350 KB gzip: ${((gz / budget) * 100).toFixed(0)}% used (ratio ${(gz / budget).toFixed(2)}×) ${gz <= budget ? 'OK' : 'OVER BUDGET'}`,
)
