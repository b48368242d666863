/**
 * The 7 default-model slots of DESIGN §3 as plain data, without zod: the CLI's command table
 * loads before any schema library (issue 17), and the store, the services, the gateway and the
 * renderer all read this one list (issue 13). Display order: the primary row, then the advanced.
 */
/** The primary row: chat and embedding (required), text to speech and speech to text. */
export const primarySlots = ['chat', 'embedding', 'textToSpeech', 'speechToText'] as const

/** The advanced group: optional language slots that fall back to chat when empty. */
export const advancedSlots = ['transformation', 'tools', 'largeContext'] as const

/** Every slot, in display order. */
export const defaultSlots = [...primarySlots, ...advancedSlots] as const

export type DefaultSlotName = (typeof defaultSlots)[number]

/** True when `value` names one of the slots. */
export const isDefaultSlotName = (value: string): value is DefaultSlotName =>
  (defaultSlots as readonly string[]).includes(value)

/** Whether an empty `slot` uses the chat default instead (the advanced slots do, DESIGN §3). */
export const fallsBackToChat = (slot: DefaultSlotName): boolean =>
  (advancedSlots as readonly DefaultSlotName[]).includes(slot)
