/**
 * The one empty StoredCredential literal: every optional field null, no secrets, not primary.
 * Code (drafts of a create or import) and tests start from it, so a new field in
 * `StoredCredential` is given its empty value here once instead of in every literal.
 */
import type { ProviderId } from '../providers/catalog-types'
import type { StoredCredential } from './schema'

export function blankCredential(
  provider: ProviderId,
  over: Partial<StoredCredential> = {},
): StoredCredential {
  return {
    id: '',
    provider,
    name: '',
    baseUrl: null,
    endpoint: null,
    apiVersion: null,
    endpoints: null,
    project: null,
    location: null,
    credentialsPath: null,
    numCtx: null,
    secrets: {},
    keyHint: null,
    allowInsecureHttp: false,
    isPrimary: false,
    createdAt: '',
    updatedAt: '',
    ...over,
  }
}
