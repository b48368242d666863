/**
 * Which external links the app opens: https only, and only to hosts the catalog names (docs
 * and "get an API key" pages), the guides' billing pages, plus the install pages of local servers.
 */
import { docsHosts } from './catalog'
import { guideHosts } from './guides'

const EXTRA_HOSTS = ['ollama.com', 'lmstudio.ai', 'github.com']
// The guides' billing pages (issue 16) are opened from troubleshooting lines.
const ALLOWED_HOSTS: readonly string[] = [
  ...new Set([...EXTRA_HOSTS, ...docsHosts(), ...guideHosts()]),
]

/** True for an https URL whose host is one we link to. */
export function isSafeExternalUrl(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false
  const host = u.hostname.toLowerCase()
  return ALLOWED_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
}
