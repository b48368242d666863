/**
 * What `add` / `update --key-stdin` say about a key on stderr in human mode (issue 16): the
 * quotes or whitespace the one trimming rule removed, and a soft warning when the key does not
 * have its provider's usual shape. Never a refusal; `--json` output is unchanged. The rule and
 * the check are the app's own (src-preload/contract/key-input.ts); the key is sent as read and
 * trimmed by the credentials service's validation.
 */
import { getProvider } from '../src-main/providers/catalog'
import { allKeyShapes } from '../src-main/providers/guides'
import { keyNotice } from '../src-preload/contract/key-input'

/** English lines to print for a key read from stdin for `provider` (none when all is well). */
export function keyNoticeLines(stdin: string, provider: string): string[] {
  // The newline `echo` or a here-string ends stdin with is expected, not junk worth a notice.
  const notice = keyNotice(stdin.replace(/\r?\n$/, ''), provider, allKeyShapes())
  const lines: string[] = []
  const { removedQuotes, removedWhitespace } = notice.trimmed
  if (removedQuotes || removedWhitespace) {
    const what = [removedWhitespace && 'whitespace', removedQuotes && 'quotes'].filter(Boolean)
    lines.push(`note: removed ${what.join(' and ')} around the key.`)
  }
  if (notice.shape.kind === 'mismatch') {
    const { expected, looksLike } = notice.shape
    lines.push(
      `warning: the key does not have the usual shape of ${getProvider(provider).displayName} ` +
        `keys (${expected.join(' or ')})` +
        (looksLike.length ? `; it has the shape of ${looksLike.join(' / ')} keys` : '') +
        '. Saved anyway; `switchboard test <id>` will tell.',
    )
  }
  return lines
}
