import { lazy, Suspense } from 'react'
import { useModelsStore } from '../../../stores/use-models-store'

/** The dialog's code is its own chunk: fetched the first time discovery opens (or when idle). */
export const loadDiscoveryDialog = () =>
  import('./DiscoveryDialog').then((m) => ({ default: m.DiscoveryDialog }))

const DiscoveryDialog = lazy(loadDiscoveryDialog)

/** Mounts the discovery dialog while the models store says it is open (any page may mount it). */
export function DiscoveryDialogHost() {
  const open = useModelsStore((s) => s.discovery.open)
  return open ? (
    <Suspense fallback={null}>
      <DiscoveryDialog />
    </Suspense>
  ) : null
}
