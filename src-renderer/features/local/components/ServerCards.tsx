import type { ReactNode } from 'react'
import type { DetectedServer } from '../../../../src-preload/contract'
import { Skeleton } from '../../../components/Skeleton'
import { credentialFor } from '../format'
import { ServerCard } from './ServerCard'
import { selectCredentialList, useCredentialsStore } from '../../../stores/use-credentials-store'

/**
 * The detected servers as cards (Local page and the first run's private flow): a skeleton while
 * the first sweep runs, then the cards, or `empty` once a sweep found none.
 */
export function ServerCards({
  servers,
  loading,
  swept,
  empty,
}: {
  servers: readonly DetectedServer[]
  loading: boolean
  swept: boolean
  empty: ReactNode
}) {
  const credentials = useCredentialsStore(selectCredentialList)
  if (loading && !swept) return <Skeleton rows={2} />
  if (servers.length)
    return (
      <div className="local-servers">
        {servers.map((s) => (
          <ServerCard
            key={s.baseUrl}
            server={s}
            connected={credentialFor(s, credentials) !== null}
          />
        ))}
      </div>
    )
  return swept ? empty : null
}
