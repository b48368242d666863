// Draws the tray and app icons as PNGs with nothing but zlib (run once; the PNGs are committed).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const CRC = new Int32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c
})
const crc32 = (buf) => {
  let c = -1
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size)
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size)
      const o = y * (size * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = a
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  ihdr[10] = 0
  ihdr[11] = 0
  ihdr[12] = 0
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
// A switchboard plug: a rounded ring with a dot, tinted by state.
function plug([r, g, b]) {
  return (x, y, size) => {
    const c = size / 2
    const d = Math.hypot(x - c, y - c) / c
    const edge = (v, w) => Math.max(0, Math.min(1, v / w))
    const aa = 1.5 / c
    let a = 0
    if (d <= 0.92) a = edge(0.92 - d, aa) // disc
    const hole = d < 0.62 ? edge(0.62 - d, aa) : 0
    const dot = d < 0.3 ? edge(0.3 - d, aa) : 0
    a = Math.max(0, a - hole) + dot
    return [r, g, b, Math.round(Math.min(1, a) * 255)]
  }
}
const COLORS = {
  healthy: [34, 160, 90],
  degraded: [224, 150, 20],
  failing: [210, 50, 50],
  untested: [120, 120, 130],
}
const out = path.resolve('assets/tray')
fs.mkdirSync(out, { recursive: true })
for (const [name, color] of Object.entries(COLORS)) {
  fs.writeFileSync(path.join(out, `${name}.png`), png(16, plug(color)))
  fs.writeFileSync(path.join(out, `${name}@2x.png`), png(32, plug(color)))
}
fs.mkdirSync('build', { recursive: true })
fs.writeFileSync('build/icon.png', png(512, plug([60, 90, 220])))
fs.writeFileSync('assets/icon.png', png(256, plug([60, 90, 220])))
console.log('icons written')
