/**
 * The URL guard (DESIGN §7): which URLs and addresses Switchboard may talk to. Local and LAN
 * servers are the point of the app, so loopback, RFC 1918, CGNAT and `.local`/`.lan` names pass;
 * link-local, cloud metadata, unspecified, multicast and broadcast are refused in every spelling.
 * The same checks run on the URL, on every address DNS returns, and on every redirect hop.
 */
import { classifyIp, type AddressKind, type AddressVerdict, type BlockReason } from './ip-address'

export type { AddressKind, AddressVerdict, BlockReason } from './ip-address'

/** Why a URL is refused: an address reason, or something about the URL itself. */
export type UrlBlockReason =
  BlockReason | 'invalid_url' | 'scheme' | 'credentials_in_url' | 'metadata_host'

/** What the guard knows about an accepted URL's host. */
export interface HostInfo {
  /** Lower-case host without brackets or a trailing dot. */
  hostname: string
  /** The verdict when the host is an IP literal; null for a name (decided after DNS). */
  ip: (AddressVerdict & { ok: true }) | null
  /** What the name suggests before DNS: loopback / local (LAN) / public. */
  nameKind: AddressKind
}

export type UrlCheck =
  { ok: true; url: URL; host: HostInfo } | { ok: false; reason: UrlBlockReason; message: string }

/** Host names of cloud metadata services (compared after lower-casing and trimming dots). */
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.internal',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.tencentyun.com',
  'metadata.platformequinix.com',
  'metadata.packet.net',
])

/** Name suffixes that mean "on this machine" or "on my LAN" (never proxied, never cloud). */
const LOCAL_SUFFIXES = ['.local', '.lan', '.home.arpa', '.internal', '.localdomain']

/** English text per reason; the UI translates by `reason`. */
export const BLOCK_MESSAGES: Record<UrlBlockReason, string> = {
  invalid_url: 'That is not a valid URL.',
  scheme: 'Only http and https URLs are allowed.',
  credentials_in_url: 'Put the key in the key field, not in the URL (user:password@ is refused).',
  metadata_host: 'Cloud metadata services are blocked.',
  metadata: 'Cloud metadata addresses are blocked.',
  link_local: 'Link-local addresses (169.254.x.x, fe80::) are blocked.',
  unspecified: 'The unspecified address (0.0.0.0, ::) is blocked.',
  multicast: 'Multicast addresses are blocked.',
  broadcast: 'The broadcast address is blocked.',
  reserved: 'Reserved addresses (240.0.0.0/4) are blocked.',
}

/** Checks one IP address (any spelling) as DNS returned it or as a URL named it. */
export function checkAddress(
  ip: string,
):
  | { ok: true; kind: AddressKind; canonical: string }
  | { ok: false; reason: BlockReason | 'invalid_url'; message: string } {
  const v = classifyIp(ip)
  if (!v) return { ok: false, reason: 'invalid_url', message: 'Not an IP address.' }
  if (!v.ok) return { ok: false, reason: v.reason, message: BLOCK_MESSAGES[v.reason] }
  return { ok: true, kind: v.kind, canonical: v.canonical }
}

/** What a host name suggests before DNS: `localhost` names are loopback, LAN suffixes local. */
export function nameKind(hostname: string): AddressKind {
  const h = hostname.toLowerCase().replace(/\.+$/, '')
  if (h === 'localhost' || h.endsWith('.localhost')) return 'loopback'
  if (!h.includes('.') || LOCAL_SUFFIXES.some((s) => h.endsWith(s))) return 'private'
  return 'public'
}

/** Checks a URL (string or URL) before any request: scheme, credentials, host. */
export function checkUrl(input: string | URL): UrlCheck {
  let url: URL
  try {
    url = new URL(typeof input === 'string' ? input.trim() : input.href)
  } catch {
    return block('invalid_url')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return block('scheme')
  if (url.username || url.password) return block('credentials_in_url')
  const hostname = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
    .toLowerCase()
  if (!hostname) return block('invalid_url')
  // WHATWG URL already turns decimal/octal/hex IPv4 into a dotted quad; classifyIp parses the
  // loose forms itself too, so the verdict does not depend on that normalisation.
  const ip = classifyIp(hostname)
  if (ip) {
    if (!ip.ok) return block(ip.reason)
    return { ok: true, url, host: { hostname, ip, nameKind: ip.kind } }
  }
  if (METADATA_NAMES.has(hostname)) return block('metadata_host')
  return { ok: true, url, host: { hostname, ip: null, nameKind: nameKind(hostname) } }
}

function block(reason: UrlBlockReason): UrlCheck {
  return { ok: false, reason, message: BLOCK_MESSAGES[reason] }
}
