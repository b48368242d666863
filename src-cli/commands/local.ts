/** `detect [--register]` and `ollama pull|rm|ps` (DESIGN §8, §9); progress goes to stderr. */
import type { PullProgress } from '../../src-preload/contract'
import { defineCommand, type CliCommand } from '../command'
import { table } from '../format'
import { safeText } from '../safe-text'

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes >= 1e9 ? 0 : 1)} MB`

/** One progress line, rewritten in place on a terminal. */
function progressLine(p: PullProgress): string {
  const pct = p.percent === null ? '' : `${p.percent.toFixed(1)}% `
  const bytes = p.totalBytes ? `${mb(p.completedBytes)} / ${mb(p.totalBytes)} ` : ''
  const speed = p.bytesPerSecond ? `${mb(p.bytesPerSecond)}/s ` : ''
  const eta =
    p.etaSeconds !== null && p.etaSeconds !== undefined ? `ETA ${Math.round(p.etaSeconds)}s` : ''
  return `${p.status} ${pct}${bytes}${speed}${eta}`.trim()
}

export const localCommands: CliCommand[] = [
  defineCommand({
    name: 'detect',
    usage: '[--register]',
    summary: 'Find local model servers (Ollama, LM Studio, llama.cpp, …); --register connects them',
    flags: { register: { type: 'boolean' } },
    run: async ({ app, flags, io }) => {
      const a = app()
      const found = await a.local.detect()
      const servers = []
      for (const s of found.servers) {
        let credentialId: string | null = null
        let skipped: string | null = null
        if (flags.register && s.state === 'auth_required') {
          // A credential without the key it needs could only fail its test: say so instead.
          skipped = 'key_required'
          io.err(
            `skipped ${s.kind} at ${s.baseUrl}: it wants an API key. Add it with ` +
              `\`switchboard add ${s.provider} --name ${s.kind} --base-url ${s.credentialBaseUrl} --key-stdin\``,
          )
        }
        if (flags.register && s.state !== 'auth_required') {
          const res = await a.local.connect(s.baseUrl, {})
          credentialId = res.credentialId
          io.err(
            `connected ${s.kind} at ${safeText(s.baseUrl)}: ${res.registered} models registered` +
              (res.existing ? `, ${res.existing} already there` : ''),
          )
        } else {
          const existing = (await a.credentials.list({ provider: s.provider })).find(
            (c) => c.baseUrl === s.credentialBaseUrl,
          )
          credentialId = existing?.id ?? null
        }
        servers.push({
          kind: s.kind,
          baseUrl: s.baseUrl,
          version: s.version,
          models: s.models.map((m) => ({ id: m.id, type: m.type })),
          credentialId,
          ...(skipped ? { skipped } : {}),
        })
      }
      return { servers, elapsedMs: found.elapsedMs }
    },
    human: (res, io) => {
      if (!res.servers.length) {
        io.err(
          `No local model server found (${res.elapsedMs} ms). Install Ollama (https://ollama.com) or LM Studio (https://lmstudio.ai) and run detect again.`,
        )
        return
      }
      io.out(
        table([
          ['KIND', 'URL', 'VERSION', 'MODELS', 'CREDENTIAL'],
          ...res.servers.map((s) => [
            s.kind,
            s.baseUrl,
            s.version ?? '',
            s.models.length,
            s.credentialId ?? '(not connected)',
          ]),
        ]),
      )
    },
  }),
  defineCommand({
    name: 'ollama pull',
    usage: '<model> [--host URL]',
    summary:
      'Download a model into Ollama with live progress on stderr (Ctrl-C cancels; pulling again resumes)',
    flags: { host: { type: 'string' } },
    positionals: [1, 1],
    run: async ({ app, positionals, flags, io }) => {
      const lib = app().local.ollama(typeof flags.host === 'string' ? flags.host : undefined)
      const controller = new AbortController()
      const onSigint = () => controller.abort()
      process.once('SIGINT', onSigint)
      const tty = Boolean(process.stderr.isTTY)
      let last = 0
      try {
        const final = await lib.pull(positionals[0]!, {
          signal: controller.signal,
          onProgress: (p) => {
            const now = Date.now()
            if (!p.done && now - last < (tty ? 100 : 1000)) return
            last = now
            // Our own \r and erase-line; the model name and status come from elsewhere.
            if (tty) process.stderr.write(`\r\x1b[2K${safeText(progressLine(p))}`)
            else io.err(safeText(progressLine(p)))
          },
        })
        if (tty) process.stderr.write('\n')
        return {
          model: final.model,
          status: final.status,
          totalBytes: final.totalBytes,
          resumedBytes: final.resumedBytes,
        }
      } finally {
        process.removeListener('SIGINT', onSigint)
      }
    },
    human: (r, io) => io.err(`Pulled ${r.model}.`),
  }),
  defineCommand({
    name: 'ollama rm',
    usage: '<model> [--host URL]',
    summary: 'Delete a model from Ollama',
    flags: { host: { type: 'string' } },
    positionals: [1, 1],
    run: async ({ app, positionals, flags }) => {
      await app()
        .local.ollama(typeof flags.host === 'string' ? flags.host : undefined)
        .remove(positionals[0]!)
      return { removed: positionals[0] }
    },
    human: (r, io) => io.err(`Deleted ${r.removed}.`),
  }),
  defineCommand({
    name: 'ollama ps',
    usage: '[--host URL]',
    summary: 'Show the models Ollama has loaded, with their memory use',
    flags: { host: { type: 'string' } },
    run: async ({ app, flags }) =>
      app()
        .local.ollama(typeof flags.host === 'string' ? flags.host : undefined)
        .ps(),
    human: (list, io) => {
      if (!list.length) {
        io.err('No model is loaded.')
        return
      }
      io.out(
        table([
          ['NAME', 'MEMORY', 'VRAM'],
          ...list.map((m) => [m.name, mb(m.sizeBytes), m.sizeVramBytes ? mb(m.sizeVramBytes) : '']),
        ]),
      )
    },
  }),
]
