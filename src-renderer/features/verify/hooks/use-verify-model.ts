/** The registered model a check is about, from the models store (loaded on first use). */
import { useEffect } from 'react'
import type { ModelView } from '../../../../src-preload/contract'
import { useModelsStore } from '../../../stores/use-models-store'

/**
 * The model with this id: `undefined` while the list is loading, null when it is not registered
 * (removed since the dialog or the tray asked for it).
 */
export function useVerifyModel(modelId: string | null): ModelView | null | undefined {
  const status = useModelsStore((s) => s.status)
  const load = useModelsStore((s) => s.load)
  const model = useModelsStore((s) => s.models.find((m) => m.id === modelId))
  useEffect(() => {
    // The tray can open the check before any page has read the models.
    if (status === 'idle' || (!model && status === 'ready' && modelId)) void load()
    // Once per model id: a missing model is looked up again, not in a loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelId])
  if (!modelId) return null
  if (model) return model
  return status === 'ready' || status === 'failed' ? null : undefined
}
