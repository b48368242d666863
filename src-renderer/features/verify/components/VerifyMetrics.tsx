import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ModelView } from '../../../../src-preload/contract'
import { useProviderName } from '../../../lib/use-provider-name'
import type { VerifyResult, VerifyRun } from '../../../stores/use-verify-store'
import { formatLatency } from '../../../lib/format-units'

/** A `blob:` URL for the clip while it is shown; revoked when the clip changes or unmounts. */
function useClipUrl(audio: VerifyResult['audio']): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!audio) {
      setUrl(null)
      return
    }
    const made = URL.createObjectURL(new Blob([audio.data as BlobPart], { type: audio.mime }))
    setUrl(made)
    return () => URL.revokeObjectURL(made)
  }, [audio])
  return url
}

/**
 * What the check measured: the model and credential, latency to the first token, total latency,
 * tokens in / out; for an embedding model the vector's dimensions, for TTS the clip to play, for
 * STT the transcript of the bundled clip.
 */
export function VerifyMetrics({ run, model }: { run: VerifyRun; model: ModelView | null }) {
  const { t, i18n } = useTranslation('verify')
  const providerName = useProviderName()
  const r = run.result
  const clipUrl = useClipUrl(r?.audio ?? null)
  const ms = (v: number) => formatLatency(v, i18n.language)
  const name = model?.name ?? run.started?.modelId ?? ''
  const provider = run.started?.providerId ?? model?.provider ?? null
  const firstToken = r?.firstTokenMs ?? run.firstTokenMs
  const tokens = r?.tokens
  const count = (n: number | null | undefined) =>
    n === null || n === undefined ? '–' : new Intl.NumberFormat(i18n.language).format(n)
  return (
    <div className="verify-results">
      <h3 className="visually-hidden">{t('metrics.title')}</h3>
      <dl className="verify-metrics" data-testid="verify-metrics">
        <div>
          <dt>{t('metrics.model')}</dt>
          <dd>
            <span className="mono">{name}</span>
            {provider ? <span className="badge">{providerName(provider)}</span> : null}
          </dd>
        </div>
        {run.started ? (
          <div>
            <dt>{t('metrics.credential')}</dt>
            <dd>{run.started.credentialName}</dd>
          </div>
        ) : null}
        {firstToken !== null && firstToken !== undefined ? (
          <div data-metric="firstToken">
            <dt>{t('metrics.firstToken')}</dt>
            <dd>{ms(firstToken)}</dd>
          </div>
        ) : null}
        {r ? (
          <div data-metric="total">
            <dt>{t('metrics.total')}</dt>
            <dd>{ms(r.latencyMs)}</dd>
          </div>
        ) : null}
        {r && (run.started?.modelType ?? model?.type) !== 'text_to_speech' ? (
          <div data-metric="tokens">
            <dt>{t('metrics.tokens')}</dt>
            <dd>
              {tokens && (tokens.input !== null || tokens.output !== null)
                ? t('metrics.tokensValue', {
                    input: count(tokens.input),
                    output: count(tokens.output),
                  })
                : t('metrics.notReported')}
            </dd>
          </div>
        ) : null}
        {r?.dimensions !== null && r?.dimensions !== undefined ? (
          <div data-metric="dimensions">
            <dt>{t('metrics.dimensions')}</dt>
            <dd>{count(r.dimensions)}</dd>
          </div>
        ) : null}
      </dl>
      {clipUrl ? (
        <audio
          className="verify-audio"
          controls
          src={clipUrl}
          aria-label={t('audioLabel', { model: name })}
        />
      ) : null}
      {r?.transcript !== null && r?.transcript !== undefined ? (
        <figure className="verify-transcript">
          <figcaption>{t('transcriptLabel')}</figcaption>
          <blockquote>{r.transcript}</blockquote>
        </figure>
      ) : null}
    </div>
  )
}
