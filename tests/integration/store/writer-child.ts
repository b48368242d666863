/**
 * A second process for the store tests (bundled with esbuild at test time): adds `count`
 * credentials to the store at argv[2] and prints `ack <id>` after each completed write.
 */
import { getProvider } from '../../../src-main/providers/catalog'
import { createCredentialsService } from '../../../src-main/services/credentials'
import { createFileStore } from '../../../src-main/store/file-store'
import { createDefaultVault } from '../../../src-main/vault/vault'

async function main() {
  const [home, prefix, countText] = process.argv.slice(2)
  if (!home || !prefix || !countText) throw new Error('usage: writer <home> <prefix> <count>')
  const env = { SWITCHBOARD_ENCRYPTION_KEY: process.env.SWITCHBOARD_ENCRYPTION_KEY }
  const store = createFileStore(home)
  const vault = createDefaultVault({ home, env, store, keytar: null })
  const credentials = createCredentialsService({ store, vault, getProvider })
  process.stdout.write('ready\n')
  for (let i = 0; i < Number(countText); i++) {
    const view = await credentials.create({
      provider: 'openai',
      name: `${prefix}-${i}`,
      apiKey: `sk-${prefix}-${String(i).padStart(6, '0')}-secretsecret`,
    })
    process.stdout.write(`ack ${view.id} ${view.name}\n`)
  }
}

main().catch((err) => {
  process.stderr.write(`writer failed: ${(err as Error).message}\n`)
  process.exit(1)
})
