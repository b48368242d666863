import { useEffect } from 'react'
import { api } from '../../../lib/api'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { useVaultStore } from '../../../stores/use-vault-store'

/**
 * Loads credentials, provider forms and the vault state, and keeps them fresh: main's change
 * events, streamed test results, and a re-read when the window regains focus (the CLI may have
 * written the store meanwhile, and it cannot tell us).
 */
export function useCredentialsSync(): void {
  useEffect(() => {
    const creds = useCredentialsStore.getState()
    const vault = useVaultStore.getState()
    void creds.load()
    void vault.load()
    const offChanged = api().credentials.onChanged(({ reason }) => {
      void useCredentialsStore.getState().refresh()
      if (reason === 'rotated') void useVaultStore.getState().load()
    })
    const offResult = api().credentials.onTestResult(({ result }) =>
      useCredentialsStore.getState().recordResult(result),
    )
    const onFocus = () => {
      void useCredentialsStore.getState().refresh()
      void useVaultStore.getState().load()
    }
    window.addEventListener('focus', onFocus)
    return () => {
      offChanged()
      offResult()
      window.removeEventListener('focus', onFocus)
    }
  }, [])
}
