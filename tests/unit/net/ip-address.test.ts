/**
 * The guard's address parser and classifier (src-main/net/ip-address.ts), checked against the
 * WHATWG URL host parser that `fetch` itself uses: every spelling a URL accepts as an IP address
 * must parse here to the same address (else a blocked address could slip through in a spelling
 * the guard reads differently), the IPv6 formatter compresses as the URL serializer does, and
 * hostile text never throws. The range edges of each rule are pinned by hand.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  classifyIp,
  formatIPv4,
  formatIPv6,
  parseIPv4,
  parseIPv6,
} from '../../../src-main/net/ip-address'

/** The address WHATWG URL reads `host` as: a dotted quad / bracketed IPv6, else null. */
function whatwgHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname
  } catch {
    return null
  }
}

const u32 = fc.integer({ min: 0, max: 2 ** 32 - 1 })

/** Spells one inet_aton part in decimal, octal or hex (either case of the `0x`). */
const spell = (n: number, radix: 'dec' | 'oct' | 'hex' | 'HEX'): string =>
  radix === 'dec'
    ? String(n)
    : radix === 'oct'
      ? `0${n.toString(8)}`
      : `${radix === 'hex' ? '0x' : '0X'}${n.toString(16)}`

/** A 32-bit value written in 1–4 parts, the last part filling the remaining bytes. */
const ipv4Spelling = fc
  .record({
    value: u32,
    parts: fc.integer({ min: 1, max: 4 }),
    radixes: fc.array(fc.constantFrom('dec', 'oct', 'hex', 'HEX') as fc.Arbitrary<'dec'>, {
      minLength: 4,
      maxLength: 4,
    }),
    trailingDot: fc.boolean(),
  })
  .map(({ value, parts, radixes, trailingDot }) => {
    const bytes = [24, 16, 8, 0].map((s) => Math.floor(value / 2 ** s) % 256)
    const head = bytes.slice(0, parts - 1)
    const tailBytes = bytes.slice(parts - 1)
    const tail = tailBytes.reduce((acc, b) => acc * 256 + b, 0)
    const text = [...head, tail].map((n, i) => spell(n, radixes[i]!)).join('.')
    return { value, text: trailingDot ? `${text}.` : text }
  })

/** 128 bits as eight groups, zero runs likely (so `::` compression is exercised). */
const ipv6Groups = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
  minLength: 8,
  maxLength: 8,
})
const toBigInt = (groups: number[]) => groups.reduce((a, g) => (a << 16n) | BigInt(g), 0n)

describe('parseIPv4 agrees with the WHATWG host parser', () => {
  it('reads every inet_aton spelling of an address as that address', () => {
    fc.assert(
      fc.property(ipv4Spelling, ({ value, text }) => {
        expect(parseIPv4(text)).toBe(value)
        expect(whatwgHost(text)).toBe(formatIPv4(value))
      }),
      { numRuns: 500 },
    )
  })

  it('accepts exactly the number-like hosts URL reads as IPv4, with the same value', () => {
    const host = fc.stringMatching(/^[0-9a-fxX.]{1,24}$/)
    fc.assert(
      fc.property(host, (text) => {
        const url = whatwgHost(text)
        const quad = url !== null && /^\d+\.\d+\.\d+\.\d+$/.test(url) ? url : null
        const ours = parseIPv4(text)
        expect(ours === null ? null : formatIPv4(ours)).toBe(quad)
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    ['4294967296', 'past 32 bits'],
    ['1.16777216', 'a two-part tail past 24 bits'],
    ['256.1.1.1', 'a leading part past a byte'],
    ['08.1.1.1', 'an 8 in an octal part'],
    ['1.2.3.4.5', 'five parts'],
    ['1..2', 'an empty part'],
    ['1.2.3.4..', 'two trailing dots'],
    ['1e3', 'an exponent'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (text) => {
    expect(parseIPv4(text)).toBeNull()
  })
})

describe('parseIPv6 and formatIPv6', () => {
  it('formats as the URL serializer does and parses its own output back', () => {
    fc.assert(
      fc.property(ipv6Groups, (groups) => {
        const value = toBigInt(groups)
        const text = formatIPv6(value)
        expect(`[${text}]`).toBe(whatwgHost(`[${text}]`))
        expect(parseIPv6(text)).toBe(value)
        // The uncompressed, zero-padded, bracketed and zoned spellings are the same address.
        const long = groups.map((g) => g.toString(16).padStart(4, '0')).join(':')
        expect(parseIPv6(`[${long.toUpperCase()}]`)).toBe(value)
        expect(parseIPv6(`${long}%eth0`)).toBe(value)
      }),
      { numRuns: 500 },
    )
  })

  it('reads an IPv4 tail as the low 32 bits', () => {
    fc.assert(
      fc.property(ipv6Groups, u32, (groups, v4) => {
        const head = groups.slice(0, 6).map((g) => g.toString(16))
        const value = (toBigInt(groups.slice(0, 6)) << 32n) | BigInt(v4)
        expect(parseIPv6(`${head.join(':')}:${formatIPv4(v4)}`)).toBe(value)
        expect(`[${formatIPv6(value)}]`).toBe(whatwgHost(`[${head.join(':')}:${formatIPv4(v4)}]`))
      }),
    )
  })

  it.each([
    ['1:2:3:4:5:6:7', 'seven groups without ::'],
    ['1:2:3:4:5:6:7:8:9', 'nine groups'],
    ['1::2::3', 'two ::'],
    ['1:2:3:4::5:6:7:8', ':: with eight explicit groups'],
    ['12345::', 'a five-digit group'],
    ['::ffff:1.2.3.256', 'an IPv4 tail past a byte'],
    ['::ffff:1.2.3', 'a three-part IPv4 tail'],
    ['g::1', 'a non-hex digit'],
    ['1.2.3.4', 'no colon at all'],
  ])('refuses %s (%s)', (text) => {
    expect(parseIPv6(text)).toBeNull()
  })
})

describe('classifyIp', () => {
  const kindOf = (text: string) => {
    const v = classifyIp(text)
    return v === null ? null : v.ok ? v.kind : v.reason
  }

  it.each([
    // Each rule's first and last address, and the neighbours just outside it.
    ['9.255.255.255', 'public'],
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['11.0.0.0', 'public'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.64.0.0', 'cgnat'],
    ['100.100.100.199', 'cgnat'],
    ['100.100.100.200', 'metadata'], // Alibaba's metadata address wins over CGNAT
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.0', 'public'],
    ['169.253.255.255', 'public'],
    ['169.254.169.253', 'link_local'],
    ['223.255.255.255', 'public'],
    ['239.255.255.255', 'multicast'],
    ['255.255.255.254', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    // IPv6: SIIT carries its IPv4 verdict; NAT64 reaches the internet whatever the tail says,
    // unless the tail is refused; 6to4 of a public address stays public.
    ['::ffff:0:7f00:1', 'loopback'],
    ['64:ff9b::7f00:1', 'public'],
    ['64:ff9b:1::a00:1', 'public'],
    ['64:ff9b::e000:1', 'multicast'],
    ['2002:808:808::1', 'public'],
    ['2002:a00:1::1', 'public'],
    ['2002:e000:1::', 'multicast'],
    ['fec0::1', 'private'],
    ['fbff:ffff::1', 'public'],
    ['fdff:ffff::1', 'private'], // the top of fc00::/7
    ['fe7f::1', 'public'], // between unique-local and link-local: nothing special
    ['fe80::1%eth0', 'link_local'],
    ['ff00::', 'multicast'],
    ['::2', 'unspecified'], // IPv4-compatible 0.0.0.2, inside 0.0.0.0/8
  ])('%s is %s', (text, expected) => {
    expect(kindOf(text)).toBe(expected)
  })

  it('returns null for host names and a canonical spelling for addresses', () => {
    expect(classifyIp('api.openai.com')).toBeNull()
    expect(classifyIp('localhost')).toBeNull()
    expect(classifyIp('0x7f.1')).toMatchObject({ ok: true, family: 4, canonical: '127.0.0.1' })
    expect(classifyIp('[0:0:0:0:0:0:0:1]')).toMatchObject({ family: 6, canonical: '::1' })
  })

  it('never throws on hostile text, and a verdict holds for its canonical spelling', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-fA-Fx:.%[\]]{0,45}$/)),
        (text) => {
          const v = classifyIp(text)
          if (v === null) return
          const again = classifyIp(v.canonical)
          expect(again).toEqual(v)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
