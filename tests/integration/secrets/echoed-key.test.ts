/**
 * A provider (or a proxy in front of it) that echoes the key back in its error body, in the
 * encodings real servers use, must never get that key into a message, a discovery error, a model
 * test result, or the store's saved last test results (issue 11 "Secrets").
 */
import fs from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STORE_FILE } from '../../../src-main/store/file-store'
import { appWith, tmpDir } from '../env/helpers'

// Double spaces, a slash, a plus, an ampersand, quotes, angle brackets: every encoder changes it.
const KEY = 'sk-echo  key/with+odd&chars "q" <x> 0001'

const jsonInner = (s: string) => JSON.stringify(s).slice(1, -1)
const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Bodies as servers send them. The JSON shape is OpenAI's 401 (`Incorrect API key provided: …`,
 * https://platform.openai.com/docs/guides/error-codes/api-errors); the variants are what other
 * stacks do to the same text: PHP's json_encode escapes `/` as `\/` (https://www.php.net/json_encode),
 * Python's json.dumps escapes non-ASCII as \uXXXX, proxies answer HTML pages (nginx error pages),
 * form-encoded request dumps, Basic-auth and base64url echoes, and servers that collapse spaces.
 */
const BODIES: Record<string, () => { type: string; body: string }> = {
  openaiJson: () => ({
    type: 'application/json',
    body: JSON.stringify({
      error: {
        message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    }),
  }),
  phpSlashes: () => ({
    type: 'application/json',
    body: `{"detail":"invalid key ${jsonInner(KEY).replace(/\//g, '\\/')}"}`,
  }),
  unicodeEscaped: () => ({
    type: 'application/json',
    body: `{"msg":"bad key ${[...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
  }),
  htmlPage: () => ({
    type: 'text/html',
    body: `<html><body><h1>401</h1><p>Key &quot;${html(KEY)}&quot; refused</p></body></html>`,
  }),
  formDump: () => ({
    type: 'text/plain',
    body: `rejected request body: model=x&api_key=${new URLSearchParams({ k: KEY }).toString().slice(2).toLowerCase()}`,
  }),
  percentLower: () => ({
    type: 'text/plain',
    body: `GET /v1/models?token=${encodeURIComponent(KEY).toLowerCase()} -> 401`,
  }),
  basicAuth: () => ({
    type: 'text/plain',
    body: `credentials ${Buffer.from(`apikey:${KEY}`).toString('base64')} are not valid`,
  }),
  base64url: () => ({
    type: 'text/plain',
    body: `token ${Buffer.from(KEY).toString('base64url')} rejected`,
  }),
  collapsed: () => ({
    type: 'text/plain',
    body: `unknown key   ${KEY.replace(/\s+/g, ' ')}   (spaces collapsed)`,
  }),
}

/** Every way the key could show in what we keep or print. */
function leakForms(): string[] {
  const b = Buffer.from(KEY)
  return [
    KEY,
    KEY.replace(/\s+/g, ' '),
    jsonInner(KEY),
    jsonInner(KEY).replace(/\//g, '\\/'),
    html(KEY),
    encodeURIComponent(KEY),
    encodeURIComponent(KEY).toLowerCase(),
    new URLSearchParams({ k: KEY }).toString().slice(2),
    b.toString('base64').slice(0, 20),
    b.toString('base64url').slice(0, 20),
    Buffer.from(`apikey:${KEY}`).toString('base64').slice(10, 30),
    'key/with+odd',
    'with+odd',
    'odd&chars',
    'odd&amp;chars',
  ]
}

let server: Server
let current = 'openaiJson'
let url = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    const { type, body } = BODIES[current]!()
    res.writeHead(401, { 'content-type': type })
    res.end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

describe('a key echoed by the server', () => {
  it('is in no test message, discovery error, model-test result, or saved last test', async () => {
    const home = tmpDir('sb-echo-')
    const app = appWith(home, {})
    const cred = await app.credentials.create({
      provider: 'openai_compatible',
      name: 'echo',
      baseUrl: url,
      apiKey: KEY,
    })
    await app.models.register(cred.id, [{ name: 'echo-model', type: 'language' }])
    const model = (await app.models.list())[0]!
    const seen: string[] = []
    for (const name of Object.keys(BODIES)) {
      current = name
      const test = await app.tests.testOne(cred.id)
      expect(test.ok).toBe(false)
      const discovered = await app.models.discover(cred.id)
      const modelTest = await app.models.modelTest(model.id)
      const stored = fs.readFileSync(path.join(home, STORE_FILE), 'utf8')
      seen.push(JSON.stringify([name, test, discovered, modelTest]), stored)
      for (const text of [
        JSON.stringify(test),
        JSON.stringify(discovered),
        JSON.stringify(modelTest),
        stored,
      ]) {
        for (const form of leakForms()) expect(text, `${name} leaks ${form}`).not.toContain(form)
      }
    }
    // The messages still say something useful (the redaction marker shows where the key was).
    expect(seen.join('\n')).toContain('[redacted]')
  })
})
