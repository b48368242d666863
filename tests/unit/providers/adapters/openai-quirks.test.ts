/**
 * How OpenAI-shaped providers differ (src-main/providers/adapters/openai-quirks.ts): the key
 * tests and balance readers of the QUIRKS table against each provider's documented answer, and
 * the body rule that reads a 400 "Incorrect API key" (xAI), URL-encoded or not, as a bad key.
 */
import { describe, expect, it } from 'vitest'
import type { AdapterContext } from '../../../../src-main/providers/adapter-types'
import { openAiBodyRule, quirksOf } from '../../../../src-main/providers/adapters/openai-quirks'
import { getProvider } from '../../../../src-main/providers/catalog'

const quirks = (id: string) =>
  quirksOf({ entry: getProvider(id), fetch: (() => undefined) as never } as AdapterContext)

describe('openAiBodyRule', () => {
  it.each([
    // xAI answers a bad key with 400 "Incorrect API key provided" (the rule's own doc comment;
    // the same case in tests/integration/providers/openai-conformance.test.ts).
    '{"code":"Client specified an invalid argument","error":"Incorrect API key provided: xa***."}',
    // The same, as xAI has been seen to send it URL-encoded.
    'Incorrect%20API%20key%20provided%3A%20xa***',
    'Incorrect+API+key%3A+provided', // form-encoded: + is a space once decoding starts
    '{"error":{"code":"invalid_api_key"}}',
    '{"error":{"message":"API key not valid. Please pass a valid API key."}}', // Google's wording
  ])('reads a 400 saying %s as auth_invalid', (body) => {
    expect(openAiBodyRule(400, body)).toBe('auth_invalid')
  })

  it('leaves other 400s, the same words on other statuses, and broken escapes alone', () => {
    expect(openAiBodyRule(400, '{"error":{"message":"max_tokens is too large"}}')).toBeNull()
    expect(openAiBodyRule(401, 'Incorrect API key provided')).toBeNull()
    expect(openAiBodyRule(500, 'invalid api key')).toBeNull()
    // A lone % that is no escape: matched as sent, never a throw.
    expect(openAiBodyRule(400, '100% sure: invalid api key %zz')).toBe('auth_invalid')
    expect(openAiBodyRule(400, 'bad request %E0%A4%A')).toBeNull()
  })
})

describe('quirksOf', () => {
  it('is empty for a plain OpenAI-shaped provider, keyless and listing-optional for local ones', () => {
    expect(quirks('groq')).toEqual({})
    for (const id of ['lmstudio', 'openai_compatible', 'omlx']) {
      expect(quirks(id)).toMatchObject({ keyOptional: true, listingOptional: true })
    }
    expect(quirks('openai').tokenParam).toBe('max_completion_tokens')
  })

  it("reads OpenRouter's remaining spend from GET /key", () => {
    // openrouter.ai/docs/api-reference/limits: {data: {label, limit, usage, limit_remaining}}
    const test = quirks('openrouter').keyTest!
    expect(test).toMatchObject({ method: 'GET', path: '/key' })
    expect(test.limits({ data: { limit: 10, usage: 2.5, limit_remaining: 7.5 } })).toEqual({
      credit: 7.5,
    })
    expect(test.limits({ data: { limit: null, limit_remaining: null } })).toEqual({ credit: null })
    expect(test.limits({ error: 'x' })).toEqual({})
  })

  it("reads DeepSeek's USD balance, else the first currency, else nothing", () => {
    // api-docs.deepseek.com/api/get-user-balance: balances are decimal strings.
    const credit = quirks('deepseek').balance!.credit
    const info = (currency: string, total_balance: string) => ({ currency, total_balance })
    expect(
      credit({ is_available: true, balance_infos: [info('CNY', '700.00'), info('USD', '110.00')] }),
    ).toBe(110)
    expect(credit({ balance_infos: [info('CNY', '700.50')] })).toBe(700.5)
    expect(credit({ balance_infos: [info('USD', 'n/a')] })).toBeNull()
    expect(credit({ balance_infos: [] })).toBeNull()
    expect(credit({ balance_infos: 'none' })).toBeNull()
  })

  it('tests a PPQ key on the balance route at the origin, since its listing is public', () => {
    const test = quirks('ppq').keyTest!
    expect(test).toMatchObject({ method: 'POST', path: '/credits/balance', fromOrigin: true })
    expect(test.limits({ balance: 4.2 })).toEqual({ credit: 4.2 })
    expect(test.limits({ balance: '4.2' })).toEqual({ credit: null })
  })
})
