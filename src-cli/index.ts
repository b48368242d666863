// The `switchboard` executable: wires runCli to the process.
// First: no debugger on SIGUSR1 or through NODE_OPTIONS (see harden.ts).
import './harden'
import { runCli } from './main'

declare const __SWITCHBOARD_VERSION__: string

const readStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) return ''
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}

void runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readStdin,
    env: process.env,
  },
  { version: typeof __SWITCHBOARD_VERSION__ === 'string' ? __SWITCHBOARD_VERSION__ : '0.0.0-dev' },
).then((code) => {
  process.exitCode = code
})
