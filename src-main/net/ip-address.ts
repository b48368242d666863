/**
 * IP address parsing and classification for the network guard (DESIGN §7). Parsing is loose on
 * purpose: IPv4 in decimal, octal, hex and short forms (what inet_aton and WHATWG URL accept),
 * IPv6 with embedded IPv4 and zone ids, so no spelling of a blocked address slips through.
 */

/** Where an allowed address points; `public` is everything not local. */
export type AddressKind = 'loopback' | 'private' | 'cgnat' | 'public'

/** Why an address is refused. */
export type BlockReason =
  'link_local' | 'metadata' | 'unspecified' | 'multicast' | 'broadcast' | 'reserved'

export type AddressVerdict =
  | { ok: true; kind: AddressKind; family: 4 | 6; canonical: string }
  | { ok: false; reason: BlockReason; family: 4 | 6; canonical: string }

type Rule = AddressKind | BlockReason

/** IPv4 rules, most specific first; the first match wins. */
const V4_RULES: ReadonlyArray<readonly [string, number, Rule]> = [
  ['169.254.169.254', 32, 'metadata'], // AWS, GCP, Azure, Oracle, DigitalOcean, …
  ['100.100.100.200', 32, 'metadata'], // Alibaba Cloud (inside CGNAT, so listed before it)
  ['255.255.255.255', 32, 'broadcast'],
  ['0.0.0.0', 8, 'unspecified'],
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['169.254.0.0', 16, 'link_local'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
]

/**
 * Parses an IPv4 address the way inet_aton / WHATWG URL do: 1–4 parts, each decimal, octal
 * (leading 0) or hex (0x); the last part fills the remaining bytes. Returns the 32-bit value.
 */
export function parseIPv4(input: string): number | null {
  let s = input.trim()
  if (s.endsWith('.')) s = s.slice(0, -1) // WHATWG accepts one trailing dot
  if (!s) return null
  const parts = s.split('.')
  if (parts.length > 4) return null
  const nums: number[] = []
  for (const p of parts) {
    let n: number
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16)
    else if (/^0[0-7]+$/.test(p)) n = parseInt(p.slice(1), 8)
    else if (/^(0|[1-9][0-9]*)$/.test(p)) n = Number(p)
    else return null
    if (!Number.isFinite(n)) return null
    nums.push(n)
  }
  const last = nums.pop() as number
  if (nums.some((n) => n > 255)) return null
  if (last >= 2 ** (8 * (4 - nums.length))) return null
  let value = 0
  nums.forEach((n, i) => (value += n * 2 ** (8 * (3 - i))))
  return value + last
}

/** Formats a 32-bit value as a dotted quad. */
export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.')
}

/** Parses an IPv6 address (optionally bracketed, with a zone id or an IPv4 tail) to 128 bits. */
export function parseIPv6(input: string): bigint | null {
  let s = input.trim()
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1)
  const zone = s.indexOf('%')
  if (zone >= 0) s = s.slice(0, zone)
  if (!s.includes(':')) return null
  const lastColon = s.lastIndexOf(':')
  const lastPart = s.slice(lastColon + 1)
  if (lastPart.includes('.')) {
    // An IPv4 tail (::ffff:1.2.3.4) becomes two hex groups, then parses like any address.
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(lastPart)) return null
    const [a, b, c, d] = lastPart.split('.').map(Number) as [number, number, number, number]
    if ([a, b, c, d].some((n) => n > 255)) return null
    s = `${s.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const parse = (h: string | undefined): number[] | null => {
    if (!h) return []
    const groups = h.split(':')
    const out: number[] = []
    for (const g of groups) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null
      out.push(parseInt(g, 16))
    }
    return out
  }
  const head = parse(halves[0])
  const rest = halves.length === 2 ? parse(halves[1]) : []
  if (!head || !rest) return null
  const explicit = head.length + rest.length
  let groups: number[]
  if (halves.length === 2) {
    if (explicit > 7) return null
    groups = [...head, ...Array<number>(8 - explicit).fill(0), ...rest]
  } else {
    if (explicit !== 8) return null
    groups = head
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n)
}

/** Formats 128 bits as a compressed IPv6 address (for messages and cache keys). */
export function formatIPv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((value >> BigInt(112 - 16 * i)) & 0xffffn),
  )
  let best = { start: -1, len: 0 }
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > best.len && j - i > 1) best = { start: i, len: j - i }
    i = j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best.start < 0) return hex.join(':')
  const left = hex.slice(0, best.start).join(':')
  const right = hex.slice(best.start + best.len).join(':')
  return `${left}::${right}`
}

function classifyV4(value: number): AddressVerdict {
  const canonical = formatIPv4(value)
  for (const [base, bits, rule] of V4_RULES) {
    const size = 2 ** (32 - bits)
    const start = parseIPv4(base) as number
    if (value >= start && value < start + size) return verdict(rule, 4, canonical)
  }
  return { ok: true, kind: 'public', family: 4, canonical }
}

const V6 = (s: string) => parseIPv6(s) as bigint
const inPrefix = (v: bigint, base: bigint, bits: number) =>
  bits === 0 ? true : v >> BigInt(128 - bits) === base >> BigInt(128 - bits)

/** Prefixes whose low 32 bits are an IPv4 address that decides the verdict (mapped, NAT64, …). */
const V6_EMBEDDED_LOW32: ReadonlyArray<readonly [bigint, number, 'same' | 'public']> = [
  [V6('::ffff:0:0'), 96, 'same'], // IPv4-mapped
  [V6('::ffff:0:0:0'), 96, 'same'], // IPv4-translated (SIIT)
  [V6('::'), 96, 'same'], // IPv4-compatible (deprecated, still routed by some stacks)
  [V6('64:ff9b::'), 96, 'public'], // NAT64 well-known prefix
  [V6('64:ff9b:1::'), 48, 'public'], // NAT64 local-use prefix
]

/** IPv6 rules after the embedded-IPv4 forms, most specific first. */
const V6_RULES: ReadonlyArray<readonly [bigint, number, Rule]> = [
  [V6('fd00:ec2::254'), 128, 'metadata'], // AWS IMDS over IPv6
  // GCP's metadata server over IPv6 (inside fc00::/7, so listed before the unique-local rule):
  // https://cloud.google.com/compute/docs/metadata/querying-metadata#metadata_server_endpoints
  [V6('fd20:ce::254'), 128, 'metadata'],
  [V6('fe80::'), 10, 'link_local'],
  [V6('fec0::'), 10, 'private'], // deprecated site-local
  [V6('fc00::'), 7, 'private'], // unique local
  [V6('ff00::'), 8, 'multicast'],
]

function classifyV6(value: bigint): AddressVerdict {
  const canonical = formatIPv6(value)
  if (value === 0n) return verdict('unspecified', 6, canonical)
  if (value === 1n) return verdict('loopback', 6, canonical)
  for (const [base, bits, mode] of V6_EMBEDDED_LOW32) {
    if (!inPrefix(value, base, bits)) continue
    const inner = classifyV4(Number(value & 0xffffffffn))
    if (!inner.ok) return { ok: false, reason: inner.reason, family: 6, canonical }
    return { ok: true, kind: mode === 'same' ? inner.kind : 'public', family: 6, canonical }
  }
  if (inPrefix(value, V6('2002::'), 16)) {
    // 6to4 carries an IPv4 address in bits 16–47; refuse it when that address is refused.
    const inner = classifyV4(Number((value >> 80n) & 0xffffffffn))
    if (!inner.ok) return { ok: false, reason: inner.reason, family: 6, canonical }
  }
  for (const [base, bits, rule] of V6_RULES) {
    if (inPrefix(value, base, bits)) return verdict(rule, 6, canonical)
  }
  return { ok: true, kind: 'public', family: 6, canonical }
}

function verdict(rule: Rule, family: 4 | 6, canonical: string): AddressVerdict {
  const kinds: readonly string[] = ['loopback', 'private', 'cgnat', 'public']
  return kinds.includes(rule)
    ? { ok: true, kind: rule as AddressKind, family, canonical }
    : { ok: false, reason: rule as BlockReason, family, canonical }
}

/**
 * Classifies an IP address in any spelling. Returns null when the text is not an IP address at
 * all (a host name), otherwise whether it is allowed and what kind of address it is.
 */
export function classifyIp(input: string): AddressVerdict | null {
  const s = input.trim()
  if (s.includes(':') || s.startsWith('[')) {
    const v6 = parseIPv6(s)
    return v6 === null ? null : classifyV6(v6)
  }
  const v4 = parseIPv4(s)
  return v4 === null ? null : classifyV4(v4)
}
