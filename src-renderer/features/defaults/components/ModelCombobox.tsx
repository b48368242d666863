import { useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** One choice of the combobox: a registered model with where it runs. */
export interface ModelOption {
  id: string
  name: string
  provider: string
  credentialName: string
}

interface Props {
  label: string
  /** The chosen model id, or null. */
  value: string | null
  options: readonly ModelOption[]
  /** Shown when nothing is chosen (e.g. "Falls back to chat: gpt-4o"). */
  placeholder: string
  /** Shown when `value` names a model that is not among the options. */
  missingLabel: string
  /** What to say in the list when there are no options at all. */
  emptyText: string
  onChange: (modelId: string) => void
  disabled?: boolean
  describedBy?: string
  invalid?: boolean
  /** The slot must be filled: said to assistive tech (the visible mark is the caller's). */
  required?: boolean
}

/**
 * A searchable select (ARIA 1.2 combobox with a listbox popup): type to filter by model name,
 * provider or credential; arrows move, Enter picks, Escape closes. The input shows the choice
 * when not being edited.
 */
export function ModelCombobox(props: Props) {
  const { t } = useTranslation('models')
  const inputId = useId()
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const listRef = useRef<HTMLUListElement>(null)

  const chosen = props.options.find((o) => o.id === props.value) ?? null
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return props.options
    return props.options.filter((o) =>
      `${o.name} ${o.provider} ${o.credentialName}`.toLowerCase().includes(q),
    )
  }, [props.options, query])
  const display = chosen ? chosen.name : props.value ? props.missingLabel : ''

  const openList = () => {
    if (props.disabled) return
    setOpen(true)
    setActive(
      Math.max(
        0,
        shown.findIndex((o) => o.id === props.value),
      ),
    )
  }
  const closeList = () => {
    setOpen(false)
    setQuery('')
  }
  const pick = (o: ModelOption | undefined) => {
    if (!o) return
    closeList()
    if (o.id !== props.value) props.onChange(o.id)
  }
  const move = (delta: number) => {
    if (!open) return openList()
    const next = Math.min(Math.max(active + delta, 0), Math.max(shown.length - 1, 0))
    setActive(next)
    listRef.current?.children[next]?.scrollIntoView({ block: 'nearest' })
  }

  const activeId = open && shown[active] ? `${listId}-${active}` : undefined
  return (
    <div className={`combobox${open ? ' open' : ''}`}>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-label={props.label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        placeholder={open ? t('defaults.searchModels') : props.placeholder}
        value={open ? query : display}
        title={open ? undefined : display || props.placeholder}
        onFocus={openList}
        onClick={() => (open ? undefined : openList())}
        onBlur={closeList}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            move(1)
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            move(-1)
          } else if (e.key === 'Enter' && open) {
            e.preventDefault()
            pick(shown[active])
          } else if (e.key === 'Escape' && open) {
            e.preventDefault()
            e.stopPropagation()
            closeList()
          }
        }}
      />
      <span className="combobox-caret" aria-hidden="true">
        ▾
      </span>
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={props.label}
        className="combobox-list"
        hidden={!open}
      >
        {open && shown.length === 0 ? (
          <li className="combobox-empty muted" role="presentation">
            {props.options.length ? t('defaults.noMatch') : props.emptyText}
          </li>
        ) : null}
        {open
          ? shown.map((o, i) => (
              <li
                key={o.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={o.id === props.value}
                className={`combobox-option${i === active ? ' active' : ''}`}
                // Keep focus in the input so blur does not close the list before the click lands.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(o)}
              >
                <span className="mono">{o.name}</span>
                <span className="muted combobox-where">
                  {t('defaults.where', { provider: o.provider, credential: o.credentialName })}
                </span>
              </li>
            ))
          : null}
      </ul>
    </div>
  )
}
