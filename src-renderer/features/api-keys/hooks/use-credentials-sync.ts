import { useEffect } from 'react'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { useVaultStore } from '../../../stores/use-vault-store'

/**
 * Loads credentials, provider forms and the vault state, and keeps them fresh while mounted:
 * it watches both stores (the event bridge then applies main's change events and streamed test
 * results), and re-reads when the window regains focus (the CLI may have written the store
 * meanwhile, and it cannot tell us).
 */
export function useCredentialsSync(): void {
  useEffect(() => {
    const creds = useCredentialsStore.getState()
    const vault = useVaultStore.getState()
    const unwatchCreds = creds.watch()
    const unwatchVault = vault.watch()
    void creds.load()
    void vault.load()
    const onFocus = () => {
      void useCredentialsStore.getState().refresh()
      void useVaultStore.getState().load()
    }
    window.addEventListener('focus', onFocus)
    return () => {
      unwatchCreds()
      unwatchVault()
      window.removeEventListener('focus', onFocus)
    }
  }, [])
}
