/**
 * Which external links the app opens: https only, and only to hosts the catalog names (docs
 * and "get an API key" pages) plus the install pages of local servers.
 */
import { docsHosts } from './catalog'

const EXTRA_HOSTS = ['ollama.com', 'lmstudio.ai', 'github.com']
const ALLOWED_HOSTS: readonly string[] = [...new Set([...EXTRA_HOSTS, ...docsHosts()])]

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
