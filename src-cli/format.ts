/** Small text-table helpers for the CLI's human output. */

/** Left-aligned columns separated by two spaces. */
export function table(rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0))) ?? []
  return cells
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '))
    .join('\n')
}

/** "3 credentials" / "1 credential". */
export const plural = (n: number, one: string, other = `${one}s`) => `${n} ${n === 1 ? one : other}`
