import { describe, expect, it } from 'vitest'
import { formatBytes, formatLatency, formatTokens } from '../../../src-renderer/lib/format-units'
import { isModelTypeName, MODEL_TYPE_NAMES } from '../../../src-preload/contract/model-types'
import { slotsUsing } from '../../../src-renderer/features/defaults/slots'
import { defaultSlots, type DefaultsView, type SlotView } from '../../../src-preload/contract'
import { advancedSlots, primarySlots } from '../../../src-preload/contract/slot-names'

describe('models formatting', () => {
  it('says latency in words', () => {
    expect(formatLatency(230, 'en-US')).toBe('230 milliseconds')
    expect(formatLatency(1, 'en-US')).toBe('1 millisecond')
    expect(formatLatency(1530, 'en-US')).toBe('1.5 seconds')
  })
  it('shows sizes and context lengths compactly', () => {
    expect(formatBytes(2051, 'en-US')).toBe('2.1 kB')
    expect(formatBytes(4_920_000_000, 'en-US')).toBe('4.9 GB')
    expect(formatBytes(512, 'en-US')).toBe('512 bytes')
    expect(formatTokens(131072, 'en-US')).toBe('131K')
    expect(formatTokens(8192, 'en-US')).toBe('8K')
  })
  it('knows the four types', () => {
    expect(MODEL_TYPE_NAMES).toEqual(['language', 'embedding', 'text_to_speech', 'speech_to_text'])
    expect(isModelTypeName('embedding')).toBe(true)
    expect(isModelTypeName('vision')).toBe(false)
  })
})

describe('default slots on the page', () => {
  it('shows every slot of the contract exactly once, primary first', () => {
    expect([...primarySlots, ...advancedSlots]).toEqual([...defaultSlots])
    expect(new Set(defaultSlots).size).toBe(defaultSlots.length)
  })
  it('names the slots a model is chosen for (not the ones that only fall back to it)', () => {
    const slot = (
      name: SlotView['slot'],
      modelId: string | null,
      effective = modelId,
    ): SlotView => ({
      slot: name,
      type: 'language',
      required: false,
      modelId,
      effectiveModelId: effective,
      fallback: modelId === null && effective !== null,
      cleared: false,
      problem: null,
    })
    const view = {
      slots: {
        chat: slot('chat', 'm1'),
        embedding: slot('embedding', 'e1'),
        textToSpeech: slot('textToSpeech', null),
        speechToText: slot('speechToText', null),
        transformation: slot('transformation', null, 'm1'),
        tools: slot('tools', 'm1'),
        largeContext: slot('largeContext', 'm2'),
      },
      missingRequired: [],
    } satisfies DefaultsView
    expect(slotsUsing(view, 'm1')).toEqual(['chat', 'tools'])
    expect(slotsUsing(view, 'x')).toEqual([])
    expect(slotsUsing(null, 'm1')).toEqual([])
  })
})
