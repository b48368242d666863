import { describe, expect, it } from 'vitest'
import { checkAddress, checkUrl, nameKind } from '../../../src-main/net/url-guard'

type Row = [url: string, expected: 'ok' | string]

/** Every spelling of every blocked thing, and the local hosts that must keep working. */
const URL_TABLE: Row[] = [
  // allowed: local and LAN model servers are the point of the app
  ['http://127.0.0.1:11434/api/tags', 'ok'],
  ['http://localhost:1234/v1', 'ok'],
  ['http://LOCALHOST./v1', 'ok'],
  ['http://[::1]:8080/', 'ok'],
  ['http://10.0.0.5:8000/v1', 'ok'],
  ['http://172.16.3.4/', 'ok'],
  ['http://172.31.255.255/', 'ok'],
  ['http://192.168.1.20:11434', 'ok'],
  ['http://100.64.0.1/', 'ok'], // CGNAT / Tailscale
  ['http://100.127.255.254/', 'ok'],
  ['http://gpu-box.local:11434', 'ok'],
  ['http://ollama.lan/', 'ok'],
  ['http://host.docker.internal:11434', 'ok'],
  ['https://api.openai.com/v1', 'ok'],
  ['https://8.8.8.8/', 'ok'],
  ['http://[fd12:3456::1]/', 'ok'], // unique local
  ['http://[::ffff:192.168.1.2]/', 'ok'], // mapped private
  ['http://2130706433/', 'ok'], // 127.0.0.1 in decimal
  ['http://0x7f.1/', 'ok'], // 127.0.0.1 in hex short form
  ['HTTPS://Example.COM:8443/x?y=1', 'ok'],
  // link-local and metadata
  ['http://169.254.169.254/latest/meta-data/', 'metadata'],
  ['http://169.254.169.254:80/', 'metadata'],
  ['http://2852039166/', 'metadata'], // decimal
  ['http://0xa9fea9fe/', 'metadata'], // hex
  ['http://0xA9.0xFE.0xA9.0xFE/', 'metadata'], // dotted hex
  ['http://0251.0376.0251.0376/', 'metadata'], // octal
  ['http://0251.254.43518/', 'metadata'], // octal + short form
  ['http://169.254.43518/', 'metadata'], // short form
  ['http://169.16689662/', 'metadata'], // two-part short form
  ['http://[::ffff:169.254.169.254]/', 'metadata'], // IPv4-mapped
  ['http://[::ffff:a9fe:a9fe]/', 'metadata'], // IPv4-mapped, hex
  ['http://[0:0:0:0:0:ffff:a9fe:a9fe]/', 'metadata'], // IPv4-mapped, long form
  ['http://[::169.254.169.254]/', 'metadata'], // IPv4-compatible
  ['http://[64:ff9b::a9fe:a9fe]/', 'metadata'], // NAT64
  ['http://[2002:a9fe:a9fe::1]/', 'metadata'], // 6to4
  ['http://[fd00:ec2::254]/', 'metadata'], // AWS IMDS IPv6
  ['http://[fd20:ce::254]/', 'metadata'], // GCP metadata server IPv6
  ['http://[FD20:CE::254]:80/computeMetadata/v1/', 'metadata'],
  ['http://[fd20:00ce:0000:0000:0000:0000:0000:0254]/', 'metadata'], // long form
  ['http://[fd20:ce:0:0::254]/', 'metadata'], // partly compressed
  ['http://[fd20:ce::255]/', 'ok'], // its neighbour is an ordinary unique-local address
  ['http://100.100.100.200/', 'metadata'], // Alibaba Cloud
  ['http://metadata.google.internal/computeMetadata/v1/', 'metadata_host'],
  ['http://METADATA.GOOGLE.INTERNAL./', 'metadata_host'],
  ['http://metadata/', 'metadata_host'],
  ['http://metadata.goog/', 'metadata_host'],
  ['http://instance-data/latest/', 'metadata_host'],
  ['http://169.254.1.1/', 'link_local'],
  ['http://[fe80::1]/', 'link_local'],
  ['http://[fe80::1%25eth0]/', 'invalid_url'], // zone ids are not valid in URLs
  ['http://[febf:ffff::1]/', 'link_local'],
  ['http://[::ffff:169.254.1.1]/', 'link_local'],
  // unspecified, multicast, broadcast, reserved
  ['http://0.0.0.0:11434/', 'unspecified'],
  ['http://0/', 'unspecified'],
  ['http://0.1.2.3/', 'unspecified'],
  ['http://[::]/', 'unspecified'],
  ['http://[::ffff:0.0.0.0]/', 'unspecified'],
  ['http://224.0.0.1/', 'multicast'],
  ['http://239.255.255.250:1900/', 'multicast'],
  ['http://[ff02::1]/', 'multicast'],
  ['http://[::ffff:224.0.0.251]/', 'multicast'],
  ['http://255.255.255.255/', 'broadcast'],
  ['http://4294967295/', 'broadcast'],
  ['http://0xffffffff/', 'broadcast'],
  ['http://240.0.0.1/', 'reserved'],
  // the URL itself
  ['ftp://example.com/', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['javascript:alert(1)', 'scheme'],
  ['gopher://127.0.0.1:11211/', 'scheme'],
  ['http://user:pass@api.example.com/', 'credentials_in_url'],
  ['https://sk-abc@api.openai.com/v1', 'credentials_in_url'],
  ['not a url', 'invalid_url'],
  ['', 'invalid_url'],
  ['http://', 'invalid_url'],
  ['http://4294967296/', 'invalid_url'], // out of IPv4 range
]

describe('checkUrl: the table of allowed and blocked spellings', () => {
  it('has at least 40 rows', () => expect(URL_TABLE.length).toBeGreaterThanOrEqual(40))

  it.each(URL_TABLE)('%s → %s', (url, expected) => {
    const r = checkUrl(url)
    if (expected === 'ok') {
      expect(r).toMatchObject({ ok: true })
    } else {
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.reason).toBe(expected)
        expect(r.message.length).toBeGreaterThan(5)
      }
    }
  })

  it('accepts a URL object and reports what the host is', () => {
    const r = checkUrl(new URL('http://[::ffff:7f00:1]:9/'))
    expect(r.ok && r.host).toMatchObject({ nameKind: 'loopback', ip: { kind: 'loopback' } })
    const named = checkUrl('https://api.anthropic.com/v1')
    expect(named.ok && named.host).toEqual({
      hostname: 'api.anthropic.com',
      ip: null,
      nameKind: 'public',
    })
  })
})

/** Raw address spellings straight into checkAddress (no WHATWG normalisation in between). */
const ADDRESS_TABLE: Row[] = [
  ['127.0.0.1', 'loopback'],
  ['127.1', 'loopback'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['10.1.2.3', 'private'],
  ['012.1.2.3', 'private'], // octal 10
  ['192.168.0.1', 'private'],
  ['fd00::1', 'private'],
  ['100.64.1.1', 'cgnat'],
  ['93.184.216.34', 'public'],
  ['2606:4700::1111', 'public'],
  ['169.254.169.254', 'metadata'],
  ['2852039166', 'metadata'],
  ['0xa9fea9fe', 'metadata'],
  ['0XA9FEA9FE', 'metadata'],
  ['0xa9.0xfe.0xa9.0xfe', 'metadata'],
  ['0251.0376.0251.0376', 'metadata'],
  ['0251.0376.0251.0376.', 'metadata'], // trailing dot
  ['169.254.43518', 'metadata'],
  ['::ffff:a9fe:a9fe', 'metadata'],
  ['::ffff:169.254.169.254', 'metadata'],
  ['[::ffff:169.254.169.254]', 'metadata'],
  ['::ffff:0:a9fe:a9fe', 'metadata'], // IPv4-translated
  ['64:ff9b::169.254.169.254', 'metadata'],
  ['64:ff9b:1::a9fe:a9fe', 'metadata'],
  ['fd00:ec2::254', 'metadata'],
  ['FD00:EC2:0:0:0:0:0:254', 'metadata'],
  ['fd20:ce::254', 'metadata'], // GCP
  ['FD20:CE:0:0:0:0:0:254', 'metadata'],
  ['fd20:00ce::0254', 'metadata'],
  ['[fd20:ce::254]', 'metadata'],
  ['fd20:ce::254%eth0', 'metadata'], // scope id from DNS
  ['fe80::1%eth0', 'link_local'], // scope id from DNS
  ['169.254.0.1', 'link_local'],
  ['0.0.0.0', 'unspecified'],
  ['0', 'unspecified'],
  ['::', 'unspecified'],
  ['0:0:0:0:0:0:0:0', 'unspecified'],
  ['::0.0.0.0', 'unspecified'],
  ['224.0.0.251', 'multicast'],
  ['ff05::2', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['::ffff:255.255.255.255', 'broadcast'],
  ['not-an-ip', 'invalid_url'],
  ['1.2.3.4.5', 'invalid_url'],
  ['256.1.1.1', 'invalid_url'],
  ['08.1.1.1', 'invalid_url'], // 8 is not an octal digit
  ['1::2::3', 'invalid_url'],
  ['::ffff:999.1.1.1', 'invalid_url'],
]

describe('checkAddress: raw spellings', () => {
  it.each(ADDRESS_TABLE)('%s → %s', (ip, expected) => {
    const r = checkAddress(ip)
    if (r.ok) expect(r.kind).toBe(expected)
    else expect(r.reason).toBe(expected)
  })
})

describe('nameKind', () => {
  it.each([
    ['localhost', 'loopback'],
    ['api.localhost', 'loopback'],
    ['nas.local', 'private'],
    ['box.lan', 'private'],
    ['router.home.arpa', 'private'],
    ['gpubox', 'private'],
    ['api.groq.com', 'public'],
  ])('%s → %s', (name, kind) => expect(nameKind(name)).toBe(kind))
})
