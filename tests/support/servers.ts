/**
 * Fake servers a test file (or a describe block) starts and must close: `const track =
 * closedAfter()` registers the hook where it is called, `track(server)` keeps the server and
 * returns it. One place instead of a list and its close-all loop in every file.
 */
import { afterAll } from 'vitest'

type Closable = { close(): Promise<unknown> | unknown }

/** Keeps servers and closes them all in `hook` (afterAll unless told: afterEach). */
export function closedAfter(hook: (fn: () => Promise<void>) => void = afterAll) {
  const servers: Closable[] = []
  hook(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  return <S extends Closable>(server: S): S => {
    servers.push(server)
    return server
  }
}
