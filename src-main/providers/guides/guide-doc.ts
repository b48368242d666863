/**
 * The guide's rows of docs/providers.md (issue 16): where to get a key and how, the key's usual
 * shape, recommended models per slot, and for local servers the memory per model size, in the
 * source locale's words (the page is English; the app shows the same strings translated).
 */
import enUS from '../../../src-shared/i18n/locales/en-US.json'
import { defaultSlots } from '../../../src-preload/contract/defaults'
import type { ProviderId } from '../catalog-types'
import { guideView } from './index'
import type { GuideText } from './guide-types'

const strings = enUS.guides as unknown as Record<string, Record<string, string>>
const slotLabels = enUS.models.slots as Record<string, { label: string }>

/** A guide text in English with its parameters filled in. */
export function englishText(text: GuideText): string {
  const [group, name] = text.key.split('.')
  const template = strings[group!]?.[name!] ?? text.key
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, p: string) => text.params?.[p] ?? '')
}

/** [label, value] rows for one provider's section. */
export function guideRows(id: ProviderId): [string, string][] {
  const g = guideView(id)
  const rows: [string, string][] = []
  const steps = g.steps.map((s, i) => `${i + 1}. ${englishText(s)}`).join('<br>')
  rows.push([g.keyUrl ? 'Get a key' : 'Set up', steps])
  if (g.keyShapes.length) {
    rows.push(['Key shape', g.keyShapes.map((s) => `\`${s.label}\``).join(' or ')])
  } else if (g.keyUrl) {
    rows.push(['Key shape', 'no usual shape (no warning is shown)'])
  }
  const recommended = defaultSlots
    .filter((s) => g.recommended[s]?.length)
    .map((s) => `${slotLabels[s]!.label}: ${g.recommended[s]!.map((n) => `\`${n}\``).join(', ')}`)
  if (recommended.length) rows.push(['Recommended models', recommended.join('<br>')])
  if (g.memory) {
    rows.push([
      'Memory (4-bit)',
      g.memory
        .map((m) => `${m.size}: ${m.memoryGb[0]}–${m.memoryGb[1]} GB (${m.ramGb} GB RAM)`)
        .join('<br>'),
    ])
  }
  const trouble = Object.entries(g.troubleshooting).map(
    ([code, text]) => `\`${code}\`: ${englishText(text)}`,
  )
  if (trouble.length) rows.push(['Troubleshooting', trouble.join('<br>')])
  return rows
}
