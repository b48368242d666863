/** Provider display names ("OpenAI" for `openai`) from the catalog main sends once. */
import { useCallback, useEffect } from 'react'
import { useCredentialsStore } from '../stores/use-credentials-store'

/** A function naming a provider id; falls back to the id until the catalog arrives. */
export function useProviderName(): (id: string) => string {
  const providers = useCredentialsStore((s) => s.providers)
  const loadProviders = useCredentialsStore((s) => s.loadProviders)
  useEffect(() => {
    if (!providers) void loadProviders()
  }, [providers, loadProviders])
  return useCallback(
    (id: string) => providers?.find((p) => p.id === id)?.displayName ?? id,
    [providers],
  )
}
