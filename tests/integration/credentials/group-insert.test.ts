/**
 * Credential creation through group commit (issue 17; src-main/services/credential-insert): a
 * create queued behind another process publishes a sealed record, never a plaintext secret; a
 * holder killed after writing the store but before answering costs neither a duplicate nor a
 * lost add; op files that are garbage or hostile are never applied and never crash the holder.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleChild } from '../../support/child-script'
import { getProvider } from '../../../src-main/providers/catalog'
import { INSERT_KIND, insertApplier } from '../../../src-main/services/credential-insert'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { createFileStore } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'
import { holdLock, opFiles, queueDir, waitFor } from '../store/group-commit-helpers'
import { setup, tmpHome } from '../vault/helpers'
import { UNCONVERTIBLE } from '../../support/unconvertible'

const PASS = 'group insert passphrase'
const env = { SWITCHBOARD_ENCRYPTION_KEY: PASS }
let holderScript = ''

beforeAll(async () => {
  holderScript = await bundleChild(path.join(__dirname, '../store/holder-child.ts'))
})

/** A credentials service over `home` whose store counts the times it took the lock. */
function counted(home: string) {
  const taken = { count: 0 }
  const store = createFileStore(home, { onAcquired: () => void (taken.count += 1) })
  const vault = createDefaultVault({ home, env, store, keytar: null, os: 'linux' })
  return { credentials: createCredentialsService({ store, vault, getProvider }), store, taken }
}

/** A home whose vault is set up (the first secret), so later creates publish their ops. */
async function seeded() {
  const home = tmpHome()
  await setup(home, { env }).credentials.create({
    provider: 'openai',
    name: 'seed',
    apiKey: 'sk-seed-0000000000000',
  })
  return home
}

const KEY = 'sk-PLAINTEXT-never-in-an-op-file-1234'

describe('credentials.insert through group commit', () => {
  it('publishes only sealed values, and the holder stores the add once', async () => {
    const home = await seeded()
    const holder = counted(home)
    const b = counted(home)
    const hold = await holdLock(holder.store)
    const created = b.credentials.create({ provider: 'openai', name: 'queued', apiKey: KEY })
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    const [name] = opFiles(home)
    const op = fs.readFileSync(path.join(queueDir(home), name!), 'utf8')
    expect(op).toContain(INSERT_KIND)
    expect(op).not.toContain(KEY)
    expect(op).not.toContain(KEY.slice(0, -4))
    expect(op).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 20))
    expect(fs.statSync(path.join(queueDir(home), name!)).mode & 0o777).toBe(0o600)
    hold.release()
    await hold.done
    const view = await created
    expect(b.taken.count).toBe(0)
    const data = await holder.store.read()
    expect(data.credentials.filter((c) => c.id === view.id)).toHaveLength(1)
    expect(view).toMatchObject({ name: 'queued', isPrimary: false, keyHint: '1234' })
    expect((await b.credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
  })

  it('loses and duplicates nothing when the holder dies after writing, before answering', async () => {
    const home = await seeded()
    const child = spawn(process.execPath, [holderScript, home], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)))
    await waitFor(() => out.includes('holding\n'), 'the child holding the lock')
    const b = counted(home)
    const created = b.credentials.create({ provider: 'openai', name: 'orphaned', apiKey: KEY })
    await waitFor(() => opFiles(home).length === 1, 'the op published')
    child.stdin!.write('go\n')
    expect(await exited).toBe('SIGKILL')
    const wrote = JSON.parse(/wrote (.*)\n/.exec(out)![1]!) as string[]
    expect(wrote).toHaveLength(2) // the seed and the queued add, in the holder's write
    const view = await created
    expect(wrote).toContain(view.id)
    // Its owner took its turn and found its op applied: one record, readable.
    expect(b.taken.count).toBe(1)
    const data = await b.store.read()
    expect(data.credentials.map((c) => c.id).sort()).toEqual([...wrote].sort())
    expect(data.settings.theme).toBe('dark')
    expect((await b.credentials.getDecrypted(view.id)).apiKey).toBe(KEY)
  }, 30_000)

  it('never applies a garbage or hostile op file, and the holder never crashes on one', async () => {
    const home = await seeded()
    const store = createFileStore(home)
    createDefaultVault({ home, env, store, keytar: null, os: 'linux' })
    store.register(INSERT_KIND, insertApplier)
    const base = await store.read()
    const sealed = base.credentials[0]!.secrets.apiKey!
    const good = {
      vault: { salt: base.salt, keyCheck: base.keyCheck },
      cred: { ...base.credentials[0]!, id: 'hostile-1', isPrimary: true },
    }
    // Each a way a file in the queue folder can be wrong; none is a valid op for its ticket.
    const bad = fc.oneof(
      fc.string().map((text) => ({ text })),
      fc.jsonValue().map((v) => ({ text: JSON.stringify(v) })),
      fc.record({ ticket: fc.string(), kind: fc.string(), payload: fc.jsonValue() }),
      fc.record({ kind: fc.constant(INSERT_KIND), payload: fc.jsonValue() }),
      fc.constantFrom(
        {
          kind: INSERT_KIND,
          payload: { ...good, cred: { ...good.cred, secrets: { apiKey: KEY } } },
        },
        { kind: INSERT_KIND, payload: { ...good, vault: null } },
        { kind: INSERT_KIND, payload: { ...good, cred: { ...good.cred, id: '' } } },
        { kind: INSERT_KIND, payload: { ...good, cred: { ...good.cred, provider: 'nope' } } },
        { kind: INSERT_KIND, payload: { ...good, cred: { ...good.cred, createdAt: 5 } } },
        { kind: INSERT_KIND, payload: JSON.parse('{"__proto__": {"vault": null}}') },
        {
          kind: INSERT_KIND,
          payload: { ...good, cred: { ...good.cred, secrets: { apiKey: sealed, x: 1 } } },
        },
        { ticket: 'another-ticket', kind: INSERT_KIND, payload: good },
        ...UNCONVERTIBLE.map((name) => ({
          kind: INSERT_KIND,
          payload: { ...good, cred: { ...good.cred, name } },
        })),
        { ticket: UNCONVERTIBLE[0], kind: UNCONVERTIBLE[1], payload: good },
      ),
      // A valid op reached only through a symlink, and one too large to be ours.
      fc.constant({ link: true, kind: INSERT_KIND, payload: good }),
      fc.constant({ text: JSON.stringify({ kind: INSERT_KIND, pad: 'x'.repeat(300_000) }) }),
    )
    // Beside each, what a dead holder or owner may have left: a claim, a withdrawal, a folder.
    const leftover = fc.constantFrom(null, 'claimed', 'withdrawn', 'claimed-dir')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(bad, leftover), { minLength: 1, maxLength: 4 }),
        async (files) => {
          const hold = await holdLock(store)
          const dir = queueDir(home)
          // Fake waiters behind the holder: live tickets (ours) with a token, each with its file.
          const first = Math.max(
            ...fs
              .readdirSync(dir)
              .filter((n) => /^\d+$/.test(n))
              .map(Number),
          )
          const written = new Map<string, string>()
          files.forEach(([f, left], i) => {
            const n = first + 1 + i
            const token = `token-${n}`
            fs.writeFileSync(
              path.join(dir, String(n)),
              JSON.stringify({ pid: process.pid, time: Date.now(), beat: true, token }),
            )
            const { link, ...rest } = { link: false, ...f }
            const body = 'text' in rest ? rest.text : JSON.stringify({ ticket: token, ...rest })
            const op = path.join(dir, `${n}.op`)
            if (link) {
              fs.writeFileSync(`${op}.target`, body)
              fs.symlinkSync(`${op}.target`, op)
            } else fs.writeFileSync(op, body)
            written.set(`${n}.op`, body)
            if (left === 'claimed-dir') fs.mkdirSync(path.join(dir, `${n}.claimed`))
            else if (left) fs.writeFileSync(path.join(dir, `${n}.${left}`), body)
          })
          hold.release()
          await hold.done
          // No outcome was written for any of them, and each op is back as it was (claimed, read,
          // given back, or not claimable at all); then the fake waiters go.
          const names = fs.readdirSync(dir)
          const back = [...written].map(([name]) => fs.readFileSync(path.join(dir, name), 'utf8'))
          fs.rmSync(dir, { recursive: true, force: true })
          expect(names.filter((n) => n.endsWith('.done'))).toEqual([])
          expect(back).toEqual([...written.values()])
          const data = await createFileStore(home).read()
          expect(data.credentials.map((c) => c.id)).toEqual(base.credentials.map((c) => c.id))
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)
})
