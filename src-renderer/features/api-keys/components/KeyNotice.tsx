import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProviderFormView } from '../../../../src-preload/contract'
import { keyNotice, type ProviderKeyShapes } from '../../../../src-preload/contract/key-input'

/**
 * What the pasted key looks like (issue 16), shown under the key field for instant feedback:
 * the quotes or whitespace the save will trim, and a gentle warning when the key does not have
 * the provider's usual shape (naming the provider whose shape it has). Never blocks saving; the
 * rule is main's own (`keyNotice` from the contract), main trims on save whatever this shows.
 */
export function KeyNotice({
  value,
  provider,
  providers,
  settled,
}: {
  value: string
  provider: ProviderFormView
  providers: readonly ProviderFormView[]
  /** The field was left or the key pasted whole: a shape warning would not interrupt typing. */
  settled: boolean
}) {
  const { t } = useTranslation('guides')
  const shapes = useMemo<ProviderKeyShapes[]>(
    () =>
      providers.map((p) => ({
        provider: p.id,
        displayName: p.displayName,
        shapes: p.guide.keyShapes,
      })),
    [providers],
  )
  if (!value) return null
  const n = keyNotice(value, provider.id, shapes)
  const { removedQuotes, removedWhitespace } = n.trimmed
  const trimmed =
    removedQuotes && removedWhitespace
      ? t('notice.trimmedBoth')
      : removedQuotes
        ? t('notice.trimmedQuotes')
        : removedWhitespace
          ? t('notice.trimmedWhitespace')
          : null
  const shape =
    settled && n.shape.kind === 'mismatch'
      ? n.shape.looksLike.length
        ? t('notice.looksLike', { other: n.shape.looksLike.join(' / ') })
        : t('notice.mismatch', {
            provider: provider.displayName,
            expected: n.shape.expected.join(' / '),
          })
      : null
  if (!trimmed && !shape) return null
  return (
    <div className="key-notice" role="status" data-key-notice="">
      {trimmed ? <p className="key-notice-trim">{trimmed}</p> : null}
      {shape ? <p className="key-notice-shape">{shape}</p> : null}
    </div>
  )
}
