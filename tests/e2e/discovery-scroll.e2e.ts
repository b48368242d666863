/**
 * A long discovery listing scrolls (issue 17): the list keeps only a window of rows in the DOM,
 * and since its scroller became an opaque layer that Chromium scrolls on the compositor, the
 * rows must still follow the scroll: after each wheel turn, every row in view is rendered, says
 * its place in the whole list, and the DOM stays small. Scrolled with the mouse wheel, as a user
 * does, not by setting scrollTop.
 */
import type { Locator, Page } from '@playwright/test'
import { startOpenAiServer } from '../fixtures/openai-server'
import type { FakeServer } from '../fixtures/recording-server'
import { openDiscovery } from './harness/discovery'
import { expect, test } from './harness/fixtures'

const KEY = 'sk-e2e-scroll-0123456789abcdef'
const TOTAL = 2000
const id = (i: number) => `scroll-model-${String(i).padStart(4, '0')}`

let server: FakeServer
test.beforeEach(async () => {
  server = await startOpenAiServer({
    key: KEY,
    models: Array.from({ length: TOTAL }, (_, i) => ({
      id: id(i),
      object: 'model',
      created: 1721172741,
      owned_by: 'system',
    })),
  })
})
test.afterEach(async () => {
  await server.close()
})

/** The rows the scroller shows (by position in the whole list) that are missing from the DOM,
 *  with how many rows the DOM holds and whether each says its place and the list's length. */
async function rowsInView(scroller: Locator) {
  return scroller.evaluate((el, total) => {
    const items = [...el.querySelectorAll<HTMLElement>('[role="listitem"]')]
    const rowHeight = items[0]!.offsetHeight
    const first = Math.floor(el.scrollTop / rowHeight)
    const last = Math.min(total, Math.ceil((el.scrollTop + el.clientHeight) / rowHeight)) - 1
    const at = new Map(items.map((r) => [Number(r.getAttribute('aria-posinset')) - 1, r]))
    const missing: number[] = []
    for (let i = first; i <= last; i++) if (!at.has(i)) missing.push(i)
    return {
      first,
      missing,
      rendered: items.length,
      setsize: [...new Set(items.map((r) => r.getAttribute('aria-setsize')))],
      // The row at the top of the view shows the model at that place.
      topText: at.get(first)?.textContent ?? '',
    }
  }, TOTAL)
}

async function wheel(page: Page, scroller: Locator, dy: number) {
  const box = (await scroller.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(0, dy)
}

test('a long listing scrolls with the wheel: the rows in view follow, the DOM stays small', async ({
  page,
  open,
  sb,
}) => {
  const { dialog } = await openDiscovery(
    { page, open, sb },
    { name: 'Long listing', apiKey: KEY, baseUrl: server.url },
  )
  await expect(dialog.getByText(`Showing ${TOTAL} of ${TOTAL}`)).toBeVisible()
  const scroller = dialog.locator('.discovery-scroll')

  let lastFirst = 0
  for (const dy of [600, 5_000, 40_000, 200_000]) {
    await wheel(page, scroller, dy)
    // The scroll lands over a few frames (the compositor scrolls, then the rows follow).
    await expect
      .poll(async () => {
        const r = await rowsInView(scroller)
        return r.first > lastFirst && r.missing.length === 0
      })
      .toBe(true)
    const r = await rowsInView(scroller)
    expect(r.rendered).toBeLessThanOrEqual(20)
    expect(r.setsize).toEqual([String(TOTAL)])
    expect(r.topText).toContain(id(r.first))
    lastFirst = r.first
  }
  // The last wheel turn reached the end: the last model is there, in view.
  await expect(dialog.getByRole('listitem').filter({ hasText: id(TOTAL - 1) })).toBeInViewport()
  await expect(dialog.getByRole('listitem').filter({ hasText: id(0) })).toHaveCount(0)
})
