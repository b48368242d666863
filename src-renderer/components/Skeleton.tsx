import { useTranslation } from 'react-i18next'

/** Placeholder rows while data loads; announced once as "Loading…". */
export function Skeleton(props: { rows?: number }) {
  const { t } = useTranslation()
  return (
    <div className="skeleton" role="status" aria-label={t('loading')}>
      {Array.from({ length: props.rows ?? 3 }, (_, i) => (
        <div key={i} className="skeleton-row" />
      ))}
    </div>
  )
}
