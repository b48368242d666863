import { useEffect } from 'react'
import { useCliStore } from '../../stores/use-cli-store'

/** Whether the `switchboard` command is on PATH (read on mount), and the install action. */
export function useCliStatus() {
  useEffect(() => void useCliStore.getState().load(), [])
  const status = useCliStore((s) => s.status)
  const install = useCliStore((s) => s.install)
  return { status, install }
}
