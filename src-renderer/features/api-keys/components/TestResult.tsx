import { useTranslation } from 'react-i18next'
import type { ConnectionTestView } from '../../../../src-preload/contract'
import { LinkedText } from './LinkedText'

/** A test's outcome in words: headline, facts (models, latency), the server's message and the fix. */
export function TestResult({ result }: { result: ConnectionTestView }) {
  const { t } = useTranslation('apiKeys')
  const facts: string[] = []
  if (result.ok && result.details?.modelCount !== undefined) {
    facts.push(t('result.modelCount', { count: result.details.modelCount }))
  }
  if (result.ok && result.details?.credit !== undefined && result.details.credit !== null) {
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
      <div className="test-result-message">{result.message}</div>
      {result.hint ? (
        <div className="test-result-hint">
          <LinkedText text={result.hint} />
        </div>
      ) : null}
    </div>
  )
}
