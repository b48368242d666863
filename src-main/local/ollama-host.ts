/**
 * `OLLAMA_HOST` as Ollama itself reads it (envconfig.Host): an optional scheme (http by default),
 * a host (127.0.0.1 by default) and a port (11434 by default; 80 / 443 when the scheme is given
 * explicitly without one). Ollama *listens* on what it says; we *connect*, so the wildcard
 * addresses 0.0.0.0 and :: (and an empty host, `:11434`) mean this machine: 127.0.0.1.
 */

const DEFAULT_PORT = '11434'

/** The base URL to reach the Ollama that `OLLAMA_HOST` describes; null when it is not usable. */
export function parseOllamaHost(value: string | undefined): string | null {
  const s = (value ?? '').trim()
  if (!s) return null
  let scheme = 'http'
  let hostport = s
  let defaultPort = DEFAULT_PORT
  const cut = s.indexOf('://')
  if (cut >= 0) {
    scheme = s.slice(0, cut).toLowerCase()
    hostport = s.slice(cut + 3)
    if (scheme === 'http') defaultPort = '80'
    else if (scheme === 'https') defaultPort = '443'
    else return null
  }
  hostport = hostport.split('/')[0] ?? ''
  let host: string
  let port: string
  const bracket = /^\[([^\]]*)\](?::(\d*))?$/.exec(hostport)
  if (bracket) {
    host = bracket[1] ?? ''
    port = bracket[2] || defaultPort
  } else if ((hostport.match(/:/g) ?? []).length === 1) {
    const [h, p] = hostport.split(':') as [string, string]
    host = h
    port = p || defaultPort
  } else {
    // No port, or a bare IPv6 address.
    host = hostport
    port = defaultPort
  }
  const n = Number(port)
  if (!/^\d+$/.test(port) || n < 1 || n > 65535) port = defaultPort
  if (host === '' || host === '0.0.0.0' || host === '::' || host === '[::]') host = '127.0.0.1'
  if (host.includes(':')) host = `[${host}]`
  try {
    const url = new URL(`${scheme}://${host}:${port}`)
    return `${url.protocol}//${url.host}`
  } catch {
    return null
  }
}
