/**
 * One discovery row in happy-dom with the real strings (issue 17): a row holds only the boxes it
 * shows. Each element is laid out and painted again whenever a keystroke changes the rows in
 * view, so a row without facts has no meta line and a row neither registered nor custom has no
 * state cell; the ones that have them still show them.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DiscoveryRow } from '../../../src-renderer/features/models/discovery-list'
import {
  DiscoveryRowView,
  useRowLabels,
} from '../../../src-renderer/features/models/components/DiscoveryRow'
import { initI18n } from '../../../src-renderer/i18n'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const base: DiscoveryRow = {
  key: 'd:0',
  name: 'gpt-4o-mini',
  search: 'gpt-4o-mini',
  lowerName: 'gpt-4o-mini',
  type: 'language',
  typeSource: 'name',
  registered: false,
  custom: false,
}

function Row({ row }: { row: DiscoveryRow }) {
  const labels = useRowLabels()
  return (
    <DiscoveryRowView
      row={row}
      index={0}
      total={1}
      checkboxId="r0"
      checked={false}
      type={row.type}
      source={row.typeSource}
      labels={labels}
      expanded={false}
      listboxId="types"
      activeOption={undefined}
      onToggle={() => {}}
      onOpen={() => {}}
      onClose={() => {}}
      onMove={undefined}
      onChoose={undefined}
    />
  )
}

let root: Root | null = null
function render(row: DiscoveryRow): HTMLElement {
  document.body.innerHTML = '<div id="root"></div>'
  root = createRoot(document.getElementById('root')!)
  act(() => root!.render(<Row row={row} />))
  return document.querySelector<HTMLElement>('[role="listitem"]')!
}

beforeAll(async () => {
  await initI18n('en-US')
})
afterEach(() => {
  act(() => root?.unmount())
  root = null
})

describe('a discovery row', () => {
  it('holds the checkbox, the id, the type and the source, and no empty boxes', () => {
    const row = render(base)
    expect([...row.children].map((el) => el.tagName)).toEqual(['INPUT', 'LABEL', 'BUTTON', 'SPAN'])
    expect(row.querySelector('label')!.children).toHaveLength(1)
    expect(row.querySelector('.discovery-meta')).toBeNull()
    expect(row.querySelector('.discovery-state')).toBeNull()
    expect(row.textContent).toBe('gpt-4o-miniLanguageguessed from name')
  })

  it('shows the meta line when the listing gave facts', () => {
    const row = render({ ...base, displayName: 'GPT-4o mini', contextLength: 128_000 })
    const meta = row.querySelector('.discovery-meta')!
    expect(meta.textContent).toContain('GPT-4o mini')
    expect(meta.textContent).toMatch(/128/)
  })

  it('shows the state of a registered row and of a custom one', () => {
    expect(
      render({ ...base, registered: true }).querySelector('.discovery-state')!.textContent,
    ).toBe('Registered')
    expect(
      render({ ...base, custom: true, typeSource: 'custom' }).querySelector('.discovery-state')!
        .textContent,
    ).toBe('Custom')
  })
})
