/**
 * The logger (issue 13): levels, one line per event, and no secret in any encoding and no forged
 * line ever reaching the sink.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createLog, errorFields, parseLogLevel, type LogLevel } from '../../../src-main/log/logger'
import { createKnownSecrets } from '../../../src-main/secrets/known-secrets'

const at = () => new Date('2026-12-05T03:00:00.000Z')
function setup(level: LogLevel = 'debug') {
  const lines: string[] = []
  const secrets = createKnownSecrets()
  const log = createLog({ sink: { write: (l) => void lines.push(l) }, level, secrets, now: at })
  return { lines, secrets, log }
}

describe('logger', () => {
  it('writes one timestamped line per event with the module and the fields', () => {
    const { lines, log } = setup()
    log.for('ipc').error('handler failed', { channel: 'models:test', code: 'internal', n: 2 })
    expect(lines).toEqual([
      '2026-12-05T03:00:00.000Z error ipc: handler failed {"channel":"models:test","code":"internal","n":2}\n',
    ])
  })

  it('drops events below the level', () => {
    const { lines, log } = setup('warn')
    const l = log.for('m')
    l.debug('d')
    l.info('i')
    l.warn('w')
    l.error('e')
    expect(lines.map((x) => x.split(' ')[1])).toEqual(['warn', 'error'])
  })

  it('reads SWITCHBOARD_LOG_LEVEL, falling back on anything else', () => {
    expect(parseLogLevel(' DEBUG ')).toBe('debug')
    expect(parseLogLevel('error')).toBe('error')
    expect(parseLogLevel('verbose')).toBe('info')
    expect(parseLogLevel(undefined, 'warn')).toBe('warn')
  })

  it('a message cannot forge a second line or drive a terminal', () => {
    const { lines, log } = setup()
    log.for('m').warn('a\nb\r\u001b[31mc\u2028d', { f: 'x\ny' })
    expect(lines).toHaveLength(1)
    for (const c of ['\n', '\r', '\u001b', '\u2028'])
      expect(lines[0]!.slice(0, -1)).not.toContain(c)
    expect(lines[0]!.endsWith('\n')).toBe(true)
  })

  it('a sink that throws never breaks the caller', () => {
    const log = createLog({
      sink: {
        write: () => {
          throw new Error('disk full')
        },
      },
      level: 'debug',
    })
    expect(() => log.for('m').error('x')).not.toThrow()
  })

  it('error fields carry the code and message, never throw on odd values', () => {
    const e = Object.assign(new Error('boom'), { code: 'internal' })
    expect(errorFields(e)).toMatchObject({ code: 'internal', error: 'boom', name: 'Error' })
    expect(errorFields('plain')).toEqual({ error: 'plain' })
    expect(errorFields(null)).toEqual({ error: 'null' })
  })

  it('no known secret reaches the sink, in any encoding, in the message or the fields', () => {
    const secretChars = fc.constantFrom(
      ...'abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789-_/+'.split(''),
    )
    fc.assert(
      fc.property(
        fc.string({ unit: secretChars, minLength: 12, maxLength: 40 }),
        fc.constantFrom<(s: string) => string>(
          (s) => s,
          (s) => Buffer.from(s).toString('base64'),
          (s) => Buffer.from(s).toString('hex'),
          (s) => encodeURIComponent(s),
          (s) => JSON.stringify(s),
        ),
        fc.string({ maxLength: 20 }),
        (secret, encode, around) => {
          const { lines, secrets, log } = setup()
          secrets.remember(secret)
          log.for('m').error(`${around}${encode(secret)}${around}`, { body: encode(secret) })
          const line = lines.join('')
          expect(line).not.toContain(secret)
          expect(line).not.toContain(encode(secret))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('a secret remembered after the first line is scrubbed from the next', () => {
    const { lines, secrets, log } = setup()
    log.for('m').info('nothing yet')
    secrets.remember('late-secret-value-123')
    log.for('m').info('now late-secret-value-123')
    expect(lines[1]).not.toContain('late-secret-value-123')
    expect(lines[1]).toContain('[redacted]')
  })

  it('keeps at most the limit of known secrets, most recent last', () => {
    const s = createKnownSecrets(2)
    s.remember('first-secret')
    s.remember('second-secret')
    s.remember('first-secret')
    s.remember('third-secret')
    s.remember('abc')
    expect(s.list()).toEqual(['first-secret', 'third-secret'])
  })
})
