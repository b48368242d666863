/**
 * The extra addresses detection probes besides the default ports (Settings → Local servers):
 * kept in the store (or in memory without one), normalised, at most 32, and never an address the
 * network guard refuses.
 */
import { AppError } from '../errors'
import { checkUrl } from '../net'
import type { Store } from '../store/schema'
import { normalizeTargetUrl } from './detect'

const MAX_TARGETS = 32

/** `url_blocked` for an address the network guard refuses (metadata, link-local, …). */
export function refuseBlocked(root: string): void {
  const check = checkUrl(root)
  if (!check.ok) {
    throw new AppError('url_blocked', check.message, { reason: check.reason, field: 'baseUrl' })
  }
}

/** The extra targets over `store` (in memory when there is none: tests, one-shot CLI runs). */
export function createExtraTargets(store?: Pick<Store, 'read' | 'update'>) {
  let memory: string[] = []
  const change = async (fn: (list: string[]) => string[]): Promise<string[]> => {
    if (!store) return (memory = fn([...memory]))
    return store.update((data) => {
      data.settings.localTargets = fn([...(data.settings.localTargets ?? [])])
      return [...data.settings.localTargets]
    })
  }
  return {
    async list(): Promise<string[]> {
      if (!store) return [...memory]
      return [...((await store.read()).settings.localTargets ?? [])]
    },
    async add(url: string): Promise<string[]> {
      const root = normalizeTargetUrl(url)
      if (!root)
        throw new AppError('validation', 'The address is not a valid http(s) URL.', {
          field: 'baseUrl',
        })
      refuseBlocked(root)
      return change((list) => {
        if (list.includes(root)) return list
        if (list.length >= MAX_TARGETS) {
          throw new AppError('validation', `At most ${MAX_TARGETS} extra addresses.`, {
            field: 'baseUrl',
          })
        }
        return [...list, root]
      })
    },
    async remove(url: string): Promise<string[]> {
      const root = normalizeTargetUrl(url)
      return change((list) => list.filter((t) => t !== root))
    },
  }
}
