/**
 * A provider's guide as the renderer sees it (issue 16): where and how to get a key, the key's
 * usual shapes, recommended models per default slot, a troubleshooting line per test code or
 * failure reason, and for local servers the memory a model needs. Sent with the provider list
 * (`credentials:providers`); the data lives in src-main/providers/guides/.
 */
import type { DefaultSlotName } from './defaults'
import type { KeyShape } from './key-input'

/** A translated text: an i18n key of the `guides` namespace and its parameters. */
export interface GuideText {
  key: string
  params?: Record<string, string>
}

/** Memory a local model of one size class needs (4-bit quantised, default context). */
export interface MemoryNeed {
  /** Parameter count, e.g. `7–8B`. */
  size: string
  quant: string
  /** Memory the loaded model takes, low and high estimate, in GB. */
  memoryGb: readonly [number, number]
  /** RAM a machine should have to run it comfortably, in GB. */
  ramGb: number
}

export interface ProviderGuideView {
  /** Where a key is made (the catalog's key page); null for servers that need none. */
  keyUrl: string | null
  steps: GuideText[]
  keyShapes: KeyShape[]
  /** Model names per default slot, best first (pre-selected in discovery, preferred by auto-assign). */
  recommended: Partial<Record<DefaultSlotName, string[]>>
  /** By test code (`auth_invalid`, …) or failure reason (`quota`, `missing_scope`, …). */
  troubleshooting: Record<string, GuideText>
  /** Local servers: memory per model size; null for hosted providers. */
  memory: MemoryNeed[] | null
}
