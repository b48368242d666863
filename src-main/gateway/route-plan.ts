/**
 * Where a request goes at its provider: the same route when the provider serves it in the
 * client's API shape, the other shape's chat route through a translation (translate/) when the
 * client's chat request meets a provider of the other shape, otherwise a clear `unsupported`.
 */
import { translationFor, type Translation } from './translate'
import type { GatewayShape, ServedRoutes } from '../providers/upstream/upstream-routes'

export type RoutePlan =
  | { ok: true; path: string; translation: Translation | null }
  | { ok: false; code: 'unsupported' | 'invalid_request'; message: string }

/** The chat route of each shape: where a translated request goes. */
const CHAT: Record<GatewayShape, '/chat/completions' | '/messages'> = {
  openai: '/chat/completions',
  anthropic: '/messages',
}

export function planRoute(
  served: ServedRoutes | null,
  route: { shape: GatewayShape; path: string },
  json: Record<string, unknown> | null,
  names: { canonical: string; asked: string },
  now: () => number,
): RoutePlan {
  if (served?.shape === route.shape && served.paths.has(route.path))
    return { ok: true, path: route.path, translation: null }
  const isChat = route.path === CHAT[route.shape]
  if (served && json && isChat && served.paths.has(CHAT[served.shape])) {
    const t = translationFor(CHAT[route.shape], json, now)
    if (!t.ok) return { ok: false, code: 'invalid_request', message: t.message }
    return { ok: true, path: t.value.path, translation: t.value }
  }
  const other = served?.paths.has(route.path)
    ? `/v1${route.path}`
    : served?.paths.has(CHAT[served.shape]) && isChat
      ? `/v1${CHAT[served.shape]}`
      : 'the provider directly'
  return {
    ok: false,
    code: 'unsupported',
    message: `${names.canonical} is not reachable through /v1${route.path} (use ${other}).`,
  }
}
