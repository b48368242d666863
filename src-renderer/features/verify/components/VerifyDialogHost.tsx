import { lazy, Suspense, useEffect } from 'react'
import { api, unwrap } from '../../../lib/api'
import { followVerifyEvents, useVerifyStore } from '../../../stores/use-verify-store'

/** The dialog's code is its own chunk, fetched the first time a check opens. */
const VerifyDialog = lazy(() => import('./VerifyDialog').then((m) => ({ default: m.VerifyDialog })))

/**
 * One Verify dialog for the whole app. Feeds `verify:event`s into the store for every panel,
 * opens the dialog when the tray asks ("Quick test chat model": `verify:openRequested`), and at
 * start takes a request the tray made before this window had loaded.
 */
export function VerifyDialogHost() {
  const target = useVerifyStore((s) => s.dialog)
  useEffect(() => {
    const offEvents = followVerifyEvents()
    const offOpen = api().verify.onOpenRequested((t) => useVerifyStore.getState().openDialog(t))
    void unwrap(api().verify.takeOpenRequest({}))
      .then(({ request }) => {
        if (request) useVerifyStore.getState().openDialog(request)
      })
      .catch(() => undefined)
    return () => {
      offEvents()
      offOpen()
    }
  }, [])
  return target ? (
    <Suspense fallback={null}>
      <VerifyDialog key={`${target.credentialId}/${target.modelId}`} target={target} />
    </Suspense>
  ) : null
}
