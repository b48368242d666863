import { lazy, Suspense, useEffect } from 'react'
import { useVerifyStore } from '../../../stores/use-verify-store'

/** The dialog's code is its own chunk, fetched the first time a check opens. */
const VerifyDialog = lazy(() => import('./VerifyDialog').then((m) => ({ default: m.VerifyDialog })))

/**
 * One Verify dialog for the whole app. The event bridge feeds `verify:event`s into the store for
 * every panel and opens the dialog when the tray asks ("Quick test chat model":
 * `verify:openRequested`); at start this takes a request the tray made before the window loaded.
 */
export function VerifyDialogHost() {
  const target = useVerifyStore((s) => s.dialog)
  useEffect(() => void useVerifyStore.getState().takeOpenRequest(), [])
  return target ? (
    <Suspense fallback={null}>
      <VerifyDialog key={`${target.credentialId}/${target.modelId}`} target={target} />
    </Suspense>
  ) : null
}
