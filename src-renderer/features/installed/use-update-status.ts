import { useEffect } from 'react'
import type { UpdateStatus } from '../../../src-preload/contract'
import { useUpdatesStore } from '../../stores/use-updates-store'

/** The updater's status from main (read on mount, kept current by the event bridge). */
export function useUpdateStatus(): UpdateStatus | null {
  useEffect(() => void useUpdatesStore.getState().load(), [])
  return useUpdatesStore((s) => s.status)
}
