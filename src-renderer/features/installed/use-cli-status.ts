import { useCallback, useEffect, useState } from 'react'
import type { CliStatus } from '../../../src-preload/contract'
import { api, unwrap } from '../../lib/api'

/** Whether the `switchboard` command is on PATH, and the install action. */
export function useCliStatus() {
  const [status, setStatus] = useState<CliStatus | null>(null)
  const load = useCallback(async () => {
    try {
      setStatus(await unwrap(api().cli.status({})))
    } catch {
      setStatus(null)
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  const install = useCallback(async (elevate = false) => {
    const next = await unwrap(api().cli.install(elevate ? { elevate } : {}))
    setStatus(next)
    return next
  }, [])
  return { status, install }
}
