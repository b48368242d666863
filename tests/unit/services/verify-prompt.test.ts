/** The verification check's default prompt comes from the locale files, in any language tag. */
import { describe, expect, it } from 'vitest'
import { resources } from '../../../src-shared/i18n/resources'
import { DEFAULT_VERIFY_PROMPT, verifyPromptIn } from '../../../src-main/services/verify-model'

describe('verifyPromptIn', () => {
  it('answers each locale its own prompt, matching tags as the UI does', () => {
    expect(verifyPromptIn('ja-JP')).toBe(resources['ja-JP'].common.verifyPrompt)
    expect(verifyPromptIn('pt')).toBe(resources['pt-BR'].common.verifyPrompt)
    expect(verifyPromptIn('zh-Hant-TW')).toBe(resources['zh-TW'].common.verifyPrompt)
  })

  it('falls back to English for no tag or an unsupported one', () => {
    expect(verifyPromptIn(undefined)).toBe(DEFAULT_VERIFY_PROMPT)
    expect(verifyPromptIn('xx-YY')).toBe(DEFAULT_VERIFY_PROMPT)
    expect(DEFAULT_VERIFY_PROMPT).toBe(resources['en-US'].common.verifyPrompt)
  })
})
