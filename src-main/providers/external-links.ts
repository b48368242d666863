/**
 * Which external links the app opens: https only, and only to hosts the catalog names (docs
 * and "get an API key" pages) plus the install pages of local servers.
 */
const EXTRA_HOSTS = ['ollama.com', 'lmstudio.ai', 'github.com']
let catalogHosts: readonly string[] = []

/** Registers the hosts of the catalog's docs links (called by the catalog module). */
export function registerDocsHosts(hosts: readonly string[]): void {
  catalogHosts = [...new Set([...catalogHosts, ...hosts])]
}

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
  return [...EXTRA_HOSTS, ...catalogHosts].some((h) => host === h || host.endsWith(`.${h}`))
}
