/**
 * The text of an upstream error body (src-main/providers/adapters/upstream-text): the message a
 * provider's JSON carries, every secret scrubbed, shortened.
 */
import { describe, expect, it } from 'vitest'
import { upstreamText } from '../../../../src-main/providers/adapters/upstream-text'

describe('upstream text', () => {
  it('upstream text: the useful message, secrets scrubbed, at most 200 characters', () => {
    const key = 'sk-ant-secret-0123456789'
    const body = JSON.stringify({
      error: { message: `bad key ${key} Bearer abcdefghijkl ${'x'.repeat(400)}` },
    })
    const t = upstreamText(body, [key])
    expect(t).not.toContain(key)
    expect(t).not.toContain('abcdefghijkl')
    expect(t.length).toBeLessThanOrEqual(200)
    expect(upstreamText('<html> <b>oops</b>\n\n</html>', [])).toBe('<html> <b>oops</b> </html>')
  })

  it('picks the message where each provider puts it, else the raw text', () => {
    expect(upstreamText('{"error":{"message":"OpenAI says no"}}', [])).toBe('OpenAI says no')
    expect(upstreamText('{"error":{"status":"PERMISSION_DENIED"}}', [])).toBe('PERMISSION_DENIED')
    expect(upstreamText('{"detail":{"message":"ElevenLabs says no"}}', [])).toBe(
      'ElevenLabs says no',
    )
    expect(upstreamText('{"err_msg":"Deepgram says no"}', [])).toBe('Deepgram says no')
    expect(upstreamText('{"error":"plain"}', [])).toBe('plain')
    expect(upstreamText('{"other":1}', [])).toBe('{"other":1}')
    expect(upstreamText(undefined, [])).toBe('')
  })

  it('scrubs a secret that only JSON decoding reveals', () => {
    const key = 'sk-hidden-0123456789abcdef'
    const escaped = key.replace('h', '\\u0068')
    const t = upstreamText(`{"error":{"message":"bad key ${escaped}"}}`, [key])
    expect(t).toContain('bad key')
    expect(t).not.toContain(key)
  })
})
