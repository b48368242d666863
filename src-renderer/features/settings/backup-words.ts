/**
 * The backup forms' outcomes in words: what an export wrote, what an import merged (and each
 * credential it refused, with the same reason texts the add / edit form shows), and a failure
 * with the backup's own reason (file exists, wrong passphrase …) before the error code's text.
 */
import type { TFunction } from 'i18next'
import type {
  BackupExportResult,
  BackupImportResult,
  RejectedCredential,
} from '../../../src-preload/contract'
import {
  CREDENTIAL_FIELDS,
  type FieldDef,
  type FieldName,
} from '../../../src-preload/contract/credential-fields'
import { errorBodyOf, errorText } from '../../lib/errors'
import { joinNames } from './EnvKeysBanner'

/** An error in words: the backup's own reasons first (file exists, wrong passphrase …), else the code's. */
export function backupError(t: TFunction, err: unknown): string {
  const params = errorBodyOf(err).params
  const reason = params?.reason
  if (typeof reason === 'string' && t(`backup.reasons.${reason}`, { defaultValue: '' })) {
    return t(`backup.reasons.${reason}`, params)
  }
  return errorText(t, err)
}

/** What an export wrote, and the credentials it left out. */
export function exportedWords(t: TFunction, r: BackupExportResult): string[] {
  const lines = [
    t('backup.exported', {
      credentials: t('backup.credentialCount', { count: r.credentials }),
      models: t('backup.modelCount', { count: r.models }),
      defaults: t('backup.defaultCount', { count: r.defaults }),
      path: r.path,
    }),
  ]
  if (r.skippedUndecryptable)
    lines.push(t('backup.skippedUndecryptable', { count: r.skippedUndecryptable }))
  return lines
}

/** What an import merged, kept, refused (one line per refused credential) and filled in. */
export function importedWords(t: TFunction, r: BackupImportResult, language: string): string[] {
  const lines = [
    t('backup.imported', {
      credentials: t('backup.credentialCount', { count: r.credentialsImported }),
      models: t('backup.modelCount', { count: r.modelsImported }),
    }),
  ]
  if (r.credentialsSkipped) lines.push(t('backup.alreadyHere', { count: r.credentialsSkipped }))
  if (r.credentialsRejected.length) {
    lines.push(t('backup.rejected', { count: r.credentialsRejected.length }))
    for (const x of r.credentialsRejected) lines.push(rejectedWords(t, x))
  }
  if (r.defaultsRestored.length) {
    const slots = r.defaultsRestored.map((s) => t(`models:slots.${s}.label`, { defaultValue: s }))
    lines.push(t('backup.defaultsRestored', { slots: joinNames(slots, language) }))
  }
  return lines
}

/**
 * One credential the import refused, in words: which one (position, name, provider), which field
 * and why — the same reason texts the add / edit form shows. Names arrive neutralised from main.
 */
export function rejectedWords(t: TFunction, x: RejectedCredential): string {
  const def: FieldDef | undefined =
    x.field && x.field in CREDENTIAL_FIELDS ? CREDENTIAL_FIELDS[x.field as FieldName] : undefined
  const limits = def?.range
    ? { min: def.range[0], max: def.range[1] }
    : def?.max
      ? { max: def.max }
      : {}
  const key = x.code === 'url_blocked' ? 'url_blocked' : x.reason
  const reason =
    key && t(`apiKeys:serverReason.${key}`, { defaultValue: '' })
      ? t(`apiKeys:serverReason.${key}`, limits)
      : t(`errors:${x.code}`, { defaultValue: x.message })
  return t('backup.rejectedRow', {
    index: x.index + 1,
    name: x.name ?? t('backup.rejectedNoName'),
    provider: x.provider ?? '?',
    field: def ? t(`apiKeys:${def.label}`) : (x.field ?? t('backup.rejectedEntry')),
    reason,
  })
}
