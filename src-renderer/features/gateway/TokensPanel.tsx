import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GatewayTokenView } from '../../../src-preload/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorText } from '../../components/ErrorText'
import { Skeleton } from '../../components/Skeleton'
import { errorText } from '../../lib/errors'
import { useGatewayStore } from '../../stores/use-gateway-store'
import { toast } from '../../stores/use-toast-store'
import { copyText } from './copy'

const DAY = 86_400_000
const EXPIRY_DAYS = [0, 1, 7, 30, 90] as const

/** When a date was, in the reader's language (absent → the given word). */
function when(iso: string | null, language: string, none: string): string {
  return iso ? new Date(iso).toLocaleString(language) : none
}

/** Create tokens (allowlist, rpm, expiry), show a new one once, list and revoke. */
export function TokensPanel({ onCreated }: { onCreated: (token: string | null) => void }) {
  const { t, i18n } = useTranslation('gateway')
  const id = useId()
  const tokens = useGatewayStore((s) => s.tokens)
  const models = useGatewayStore((s) => s.models)
  const createToken = useGatewayStore((s) => s.createToken)
  const removeToken = useGatewayStore((s) => s.removeToken)
  const [name, setName] = useState('')
  const [allowed, setAllowed] = useState<string[]>([])
  const [rpm, setRpm] = useState('')
  const [days, setDays] = useState<number>(0)
  const [fieldError, setFieldError] = useState<{ field: 'name' | 'rpm'; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The new token lives here only, until dismissed (never in a store).
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null)
  const [revoking, setRevoking] = useState<GatewayTokenView | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    if (!name.trim()) return setFieldError({ field: 'name', text: t('tokens.nameRequired') })
    const n = rpm.trim() ? Number(rpm) : null
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > 100_000))
      return setFieldError({ field: 'rpm', text: t('tokens.rpmInvalid') })
    setFieldError(null)
    setBusy(true)
    try {
      const r = await createToken({
        name: name.trim(),
        models: allowed,
        rpm: n,
        expiresInMs: days ? days * DAY : null,
      })
      setCreated({ name: r.name, token: r.token })
      onCreated(r.token)
      setName('')
      setAllowed([])
      setRpm('')
      setDays(0)
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  const dismiss = () => {
    setCreated(null)
    onCreated(null)
  }

  const revoke = async () => {
    if (!revoking) return
    try {
      await removeToken(revoking.id)
      toast({ kind: 'success', title: t('tokens.revoked', { name: revoking.name }) })
      setRevoking(null)
    } catch (err) {
      setError(errorText(t, err))
      setRevoking(null)
    }
  }

  const fieldProps = (field: 'name' | 'rpm') => ({
    id: `${id}-${field}`,
    'aria-invalid': fieldError?.field === field || undefined,
    'aria-describedby': fieldError?.field === field ? `${id}-${field}-err` : undefined,
  })
  const errorFor = (field: 'name' | 'rpm') =>
    fieldError?.field === field ? (
      <span id={`${id}-${field}-err`} className="error" role="alert">
        {fieldError.text}
      </span>
    ) : null

  return (
    <section className="card settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('tokens.title')}</h2>
      <p className="muted">{t('tokens.explain')}</p>
      {created ? (
        <div className="token-once" role="status" aria-labelledby={`${id}-once`}>
          <h3 id={`${id}-once`}>{t('tokens.createdTitle', { name: created.name })}</h3>
          <p>{t('tokens.createdBody')}</p>
          <div className="row">
            <input
              className="mono token-value"
              readOnly
              value={created.token}
              aria-label={t('tokens.tokenLabel')}
              onFocus={(e) => e.target.select()}
            />
            <button
              type="button"
              className="btn"
              onClick={() =>
                void copyText(created.token).then((ok) =>
                  toast({
                    kind: ok ? 'success' : 'error',
                    title: ok ? t('copied') : t('copyFailed'),
                  }),
                )
              }
            >
              {t('copy')}
            </button>
            <button type="button" className="btn primary" onClick={dismiss}>
              {t('tokens.done')}
            </button>
          </div>
        </div>
      ) : null}
      <form
        className="token-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby={`${id}-new`}
      >
        <h3 id={`${id}-new`}>{t('tokens.newTitle')}</h3>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input
            {...fieldProps('name')}
            value={name}
            maxLength={100}
            placeholder={t('tokens.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
          {errorFor('name')}
        </div>
        <fieldset className="field">
          <legend>{t('tokens.models')}</legend>
          <span className="hint">{t('tokens.modelsHint')}</span>
          {models.length === 0 ? (
            <span className="muted">{t('tokens.noModels')}</span>
          ) : (
            <div className="model-picks">
              {models.map((m) => (
                <label key={m} className="mono">
                  <input
                    type="checkbox"
                    checked={allowed.includes(m)}
                    onChange={(e) =>
                      setAllowed((cur) =>
                        e.target.checked ? [...cur, m] : cur.filter((x) => x !== m),
                      )
                    }
                  />{' '}
                  {m}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-rpm`}>{t('tokens.rpm')}</label>
            <input
              {...fieldProps('rpm')}
              inputMode="numeric"
              value={rpm}
              placeholder={t('tokens.rpmPlaceholder')}
              onChange={(e) => setRpm(e.target.value)}
            />
            {errorFor('rpm')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-exp`}>{t('tokens.expires')}</label>
            <select id={`${id}-exp`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {EXPIRY_DAYS.map((d) => (
                <option key={d} value={d}>
                  {d === 0 ? t('tokens.never') : t('tokens.inDays', { count: d })}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? t('tokens.creating') : t('tokens.create')}
        </button>
        <ErrorText message={error} />
      </form>
      <h3 id={`${id}-list`}>{t('tokens.listTitle')}</h3>
      {!tokens ? (
        <Skeleton rows={2} />
      ) : tokens.length === 0 ? (
        <EmptyState title={t('tokens.emptyTitle')} body={t('tokens.emptyBody')} />
      ) : (
        <table className="list" aria-labelledby={`${id}-list`}>
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.models')}</th>
              <th scope="col">{t('tokens.rpm')}</th>
              <th scope="col">{t('tokens.expires')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('tokens.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tk) => (
              <tr key={tk.id}>
                <td>
                  {tk.name} <span className="muted mono">…{tk.hint}</span>
                  {tk.expired ? <span className="badge fail">{t('tokens.expired')}</span> : null}
                </td>
                <td className="mono">{tk.models?.join(', ') ?? t('tokens.allModels')}</td>
                <td>{tk.rpm ?? t('tokens.noLimit')}</td>
                <td>{when(tk.expiresAt, i18n.language, t('tokens.never'))}</td>
                <td>{when(tk.lastUsedAt, i18n.language, t('tokens.neverUsed'))}</td>
                <td>
                  <button
                    type="button"
                    className="btn small danger"
                    aria-label={t('tokens.revokeNamed', { name: tk.name })}
                    onClick={() => setRevoking(tk)}
                  >
                    {t('tokens.revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle')}
        onClose={() => setRevoking(null)}
        onConfirm={() => void revoke()}
        confirmLabel={t('tokens.revoke')}
        tone="danger-solid"
      >
        <p>{t('tokens.revokeBody', { name: revoking?.name ?? '' })}</p>
      </ConfirmDialog>
    </section>
  )
}
