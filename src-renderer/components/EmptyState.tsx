import type { ReactNode } from 'react'

/** What to show when a list is empty: what it is, and the next step. */
export function EmptyState(props: { title: string; body?: string; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{props.title}</h2>
      {props.body ? <p className="muted">{props.body}</p> : null}
      {props.action}
    </div>
  )
}
