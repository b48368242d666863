/**
 * A lock holder for the group commit tests (bundled with esbuild at test time): registers the
 * credentials service's ops, takes the lock in an update, prints `holding`, waits for a line on
 * stdin, then writes. Right after the store file is replaced it prints the credential ids the
 * file holds (`wrote <json>`) and kills itself with SIGKILL, before answering any queued op.
 */
import fs from 'node:fs'
import path from 'node:path'
import { getProvider } from '../../../src-main/providers/catalog'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { createFileStore, STORE_FILE } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'

async function main() {
  const [home] = process.argv.slice(2)
  if (!home) throw new Error('usage: holder <home>')
  const store = createFileStore(home, {
    afterStoreWrite: () => {
      const text = fs.readFileSync(path.join(home, STORE_FILE), 'utf8')
      const ids = (JSON.parse(text) as { credentials: { id: string }[] }).credentials.map(
        (c) => c.id,
      )
      fs.writeSync(1, `wrote ${JSON.stringify(ids)}\n`)
      process.kill(process.pid, 'SIGKILL')
    },
  })
  const env = { SWITCHBOARD_ENCRYPTION_KEY: process.env.SWITCHBOARD_ENCRYPTION_KEY }
  const vault = createDefaultVault({ home, env, store, keytar: null })
  createCredentialsService({ store, vault, getProvider })
  await store.update(async (d) => {
    fs.writeSync(1, 'holding\n')
    await new Promise((r) => process.stdin.once('data', r))
    d.settings.theme = 'dark'
  })
}

main().catch((err) => {
  process.stderr.write(`holder failed: ${(err as Error).message}\n`)
  process.exit(1)
})
