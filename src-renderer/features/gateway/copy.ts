/**
 * Copies text for the user: the async clipboard API where the page may use it, else the
 * selection-based copy Chromium allows during a click. Either way the text stays visible and
 * selectable, so nothing depends on the copy succeeding.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.style.position = 'fixed'
    area.style.opacity = '0'
    document.body.appendChild(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    return ok
  }
}
