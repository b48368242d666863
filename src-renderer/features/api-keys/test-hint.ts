/**
 * The fix for a test result, in the reader's language: a translated hint chosen by the result's
 * code and `params.reason` (or a 404 status), with the provider's key page and a suggested base
 * URL filled in. Main writes its hints in English and sometimes more specifically (an Azure
 * deployment, a Vertex field), so English readers get main's own hint, and every language falls
 * back to it where no translation fits.
 */
import type { TFunction } from 'i18next'
import type { ConnectionTestView } from '../../../src-preload/contract'

/** The hint to show for a result, or null when there is none. */
export function testHint(
  t: TFunction,
  exists: (key: string) => boolean,
  result: Pick<ConnectionTestView, 'code' | 'hint' | 'params'>,
  docsUrl: string | undefined,
  sourceLanguage = false,
): string | null {
  if (sourceLanguage && result.hint) return result.hint
  const reason = typeof result.params?.reason === 'string' ? result.params.reason : null
  const keys = [
    ...(reason ? [`hints.${result.code}.${reason}`] : []),
    ...(result.params?.status === 404 ? [`hints.${result.code}.status_404`] : []),
    `hints.${result.code}.default`,
  ]
  // A regional provider's results name their own key page (DashScope: one per region).
  if (typeof result.params?.docsUrl === 'string') docsUrl = result.params.docsUrl
  const key = keys.find((k) => exists(`apiKeys:${k}`))
  // A hint that needs the key page but has none to name falls back to main's own words.
  if (key && (docsUrl || !key.startsWith('hints.auth_'))) {
    return t(key, { ...result.params, docsUrl: docsUrl ?? '' })
  }
  return result.hint
}
