import { useEffect, useState } from 'react'
import type { UpdateStatus } from '../../../src-preload/contract'
import { api, unwrap } from '../../lib/api'

/** The updater's status from main, kept current by `updates:changed`. */
export function useUpdateStatus(): UpdateStatus | null {
  const [status, setStatus] = useState<UpdateStatus | null>(null)
  useEffect(() => {
    let live = true
    void unwrap(api().updates.status({})).then(
      (s) => live && setStatus(s),
      () => undefined,
    )
    const off = api().updates.onChanged((s) => setStatus(s))
    return () => {
      live = false
      off()
    }
  }, [])
  return status
}
