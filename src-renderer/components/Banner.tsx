import type { ReactNode } from 'react'

/** A page-wide banner: red for danger (vault locked), amber for attention (keys in the environment). */
export function Banner(props: {
  tone: 'danger' | 'warning' | 'info'
  title: string
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className={`banner ${props.tone}`} role={props.tone === 'danger' ? 'alert' : 'status'}>
      <div>
        <strong>{props.title}</strong>
        {props.children ? <div className="banner-body">{props.children}</div> : null}
      </div>
      {props.action ? <div className="banner-action">{props.action}</div> : null}
    </div>
  )
}
