/**
 * Issue 17: `test --all` learns every credential's host from one read of the store, not one
 * read per credential (the old hostOf path re-read and re-parsed the whole file N times).
 */
import fs from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAppContext, type AppContext } from '../../../src-main/app-context'
import { startOpenAiServer } from '../../fixtures/openai-server'
import type { FakeServer } from '../../fixtures/recording-server'
import { tmpHome } from '../../support/home'

const KEY = 'sk-fake-test-all-reads-0123456789'
const N = 6
let home = ''
let server: FakeServer
let app: AppContext

beforeAll(async () => {
  home = tmpHome('sb-testall-reads-')
  server = await startOpenAiServer({ key: KEY })
  app = createAppContext({ home, env: { SWITCHBOARD_HOME: home, SWITCHBOARD_ENCRYPTION_KEY: 'x' } })
  for (let i = 0; i < N; i++) {
    await app.credentials.create({
      provider: 'openai',
      name: `c${i}`,
      apiKey: KEY,
      baseUrl: server.url,
    })
  }
})
afterAll(async () => {
  await server.close()
  fs.rmSync(home, { recursive: true, force: true })
})

it('reads the store once for the targets, then once per credential for its key', async () => {
  const read = app.store.read.bind(app.store)
  let reads = 0
  app.store.read = (...args: Parameters<typeof read>) => {
    reads++
    return read(...args)
  }
  try {
    const run = await app.tests.testAll()
    expect(run.results.map((r) => r.code)).toEqual(Array(N).fill('ok'))
    // 1 for the targets + N for the decrypted credentials (it was 1 + N + N).
    expect(reads).toBeLessThanOrEqual(1 + N)
  } finally {
    app.store.read = read
  }
})
