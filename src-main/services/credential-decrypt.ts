/**
 * Opens a stored credential's secrets for adapters (main process only; the result must never
 * reach a renderer, a log or CLI output other than `env`/`run`). A locked vault or wrong master
 * key is the vault's error; one value that does not open under a right key is
 * `decryption_error` for this credential.
 */
import { AppError } from '../errors'
import type { DecryptedCredential } from '../providers/adapter-types'
import type { StoreData, StoredCredential } from '../store/schema'
import { lockedError, wrongKeyError, type Vault } from '../vault/vault'
import { sealedFields } from './credential-records'

export async function decryptCredential(
  vault: Vault,
  data: StoreData,
  cred: StoredCredential,
): Promise<DecryptedCredential> {
  const out: DecryptedCredential = {
    id: cred.id,
    provider: cred.provider,
    name: cred.name,
    baseUrl: cred.baseUrl,
    endpoint: cred.endpoint,
    apiVersion: cred.apiVersion,
    endpoints: cred.endpoints ? { ...cred.endpoints } : null,
    project: cred.project,
    location: cred.location,
    credentialsPath: cred.credentialsPath,
    numCtx: cred.numCtx,
    apiKey: null,
    serviceAccountJson: null,
    allowInsecureHttp: Boolean(cred.allowInsecureHttp),
  }
  const fields = sealedFields(cred)
  if (!fields.length) return out
  const opener = await vault.opener(data)
  for (const [field, sealed] of fields) {
    const r = opener.open(cred.id, field, sealed)
    if (r.ok) {
      out[field] = r.value
      continue
    }
    if (r.reason === 'locked') throw lockedError()
    if (r.reason === 'wrong_key') throw wrongKeyError()
    throw new AppError(
      'decryption_error',
      "This credential's secret could not be decrypted; delete it or enter the key again.",
      { id: cred.id, provider: cred.provider, field },
    )
  }
  return out
}
