/**
 * The credential as people and scripts see it (DESIGN §9): metadata, `hasKey`, `keyHint` and a
 * status — never a secret, not even sealed. Pure: the service decides the status.
 */
import type { CredentialStatus, CredentialView } from '../../src-preload/contract/credentials'
import type { StoredCredential } from '../store/schema'

/** The last 4 characters of a key, for display (shorter keys give no hint at all). */
export function keyHintOf(apiKey: string): string | null {
  return apiKey.length >= 8 ? apiKey.slice(-4) : null
}

/** Builds the view of a stored credential. */
export function toCredentialView(
  cred: StoredCredential,
  modelCount: number,
  status: CredentialStatus,
): CredentialView {
  const secrets = cred.secrets ?? {}
  return {
    id: cred.id,
    provider: cred.provider,
    name: cred.name,
    baseUrl: cred.baseUrl ?? null,
    endpoint: cred.endpoint ?? null,
    apiVersion: cred.apiVersion ?? null,
    project: cred.project ?? null,
    location: cred.location ?? null,
    credentialsPath: cred.credentialsPath ?? null,
    numCtx: cred.numCtx ?? null,
    isPrimary: Boolean(cred.isPrimary),
    hasKey: Boolean(secrets.apiKey || secrets.serviceAccountJson),
    keyHint: cred.keyHint ?? null,
    modelCount,
    status,
    createdAt: cred.createdAt,
    updatedAt: cred.updatedAt,
    endpoints: cred.endpoints ? { ...cred.endpoints } : null,
    allowInsecureHttp: Boolean(cred.allowInsecureHttp),
  }
}
