import { useTranslation } from 'react-i18next'
import type { ConnectionTestView } from '../../../../src-preload/contract'
import { SOURCE_LOCALE } from '../../../../src-shared/i18n/locale-tags'
import { useProviderName } from '../../../lib/use-provider-name'
import { useCredentialsStore } from '../../../stores/use-credentials-store'
import { testHint } from '../test-hint'
import { LimitsLine } from './LimitsLine'
import { LinkedText } from './LinkedText'

/** A test's outcome in words: headline, facts (models, latency), the server's message and the fix. */
export function TestResult({ result }: { result: ConnectionTestView }) {
  const { t, i18n } = useTranslation('apiKeys')
  useProviderName() // loads the catalog (for the key page link) when this page has not yet
  const provider = useCredentialsStore((s) => s.providers?.find((p) => p.id === result.provider))
  const docsUrl = provider?.docsUrl
  // The provider guide's own advice for this code or failure reason (issue 16).
  const reason = typeof result.params?.reason === 'string' ? result.params.reason : null
  const trouble =
    result.code === 'ok'
      ? undefined
      : ((reason ? provider?.guide?.troubleshooting[reason] : undefined) ??
        provider?.guide?.troubleshooting[result.code])
  const hint = testHint(
    t,
    (k) => i18n.exists(k),
    result,
    docsUrl,
    i18n.resolvedLanguage === SOURCE_LOCALE,
  )
  const facts: string[] = []
  if (result.ok && result.details?.modelCount !== undefined) {
    facts.push(t('result.modelCount', { count: result.details.modelCount }))
  }
  // Credit is shown with the other limits below when the result carries them.
  if (
    !result.limits &&
    result.ok &&
    result.details?.credit !== undefined &&
    result.details.credit !== null
  ) {
    facts.push(t('result.credit', { credit: result.details.credit }))
  }
  facts.push(t('result.latency', { ms: result.latencyMs }))
  return (
    <div
      className={`test-result ${result.ok ? 'ok' : 'fail'}`}
      role="status"
      data-code={result.code}
    >
      <div className="test-result-head">
        <strong>{t(`result.headline.${result.code}`)}</strong>
        <span className="muted"> · {facts.join(' · ')}</span>
      </div>
      {result.limits ? (
        <div className="test-result-limits">
          <LimitsLine limits={result.limits} />
        </div>
      ) : null}
      <div className="test-result-message">{result.message}</div>
      {hint ? (
        <div className="test-result-hint">
          <LinkedText text={hint} />
        </div>
      ) : null}
      {trouble && provider ? (
        <div className="test-result-guide" data-guide-code={reason ?? result.code}>
          <strong>{t('guides:troubleTitle', { provider: provider.displayName })}</strong>{' '}
          <LinkedText
            text={t(`guides:${trouble.key}`, { ...result.params, ...(trouble.params ?? {}) })}
          />
        </div>
      ) : null}
    </div>
  )
}
