import { Fragment } from 'react'
import { useAppStore } from '../../../stores/use-app-store'

const URL_RE = /(https:\/\/[^\s)>\]"']+[^\s)>\]"'.,;:])/g

/** Opens a link in the system browser through main (which allows only known https sites). */
export function openExternal(url: string): void {
  useAppStore.getState().openLink(url)
}

/** Text with its https URLs turned into links that open in the system browser. */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_RE)
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a
            key={i}
            href={part}
            onClick={(e) => {
              e.preventDefault()
              openExternal(part)
            }}
          >
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  )
}
