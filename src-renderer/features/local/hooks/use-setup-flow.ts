/**
 * The offline-setup flow for one recommended model (DESIGN §8), as the Local page and the
 * first-run screen show it. Main runs it (src-main/services/offline-setup.ts: pull, register,
 * default, first test); this hook starts it, follows its progress events and shows a refusal to
 * start as the first step's error. Reopening the page picks up a setup still running there.
 */
import { useCallback, useEffect, useState } from 'react'
import type {
  ErrorBody,
  OfflineSetupProgress,
  OfflineSetupStep,
  RecommendedModel,
} from '../../../../src-preload/contract'
import { errorBodyOf } from '../../../lib/errors'
import { useLocalStore } from '../../../stores/use-local-store'
import { useOfflineSetupStore } from '../../../stores/use-offline-setup-store'

/** The contract's steps in order (a type-only import keeps zod out of this chunk's evaluation). */
export const SETUP_STEPS = [
  'pull',
  'register',
  'default',
  'test',
] as const satisfies readonly OfflineSetupStep[]
export type SetupStep = OfflineSetupStep

/** A setup as the panel shows it: main's report, its error as an error body. */
export interface SetupFlow extends Omit<OfflineSetupProgress, 'error'> {
  error: { step: SetupStep; body: ErrorBody } | null
}

const asFlow = (p: OfflineSetupProgress): SetupFlow => ({
  ...p,
  error: p.error
    ? {
        step: p.error.step,
        body: {
          code: p.error.code,
          message: p.error.message,
          ...(p.error.params ? { params: p.error.params } : {}),
        },
      }
    : null,
})

/** Runs setups on one Ollama server; `flow` is null until a model is chosen. */
export function useSetupFlow(baseUrl: string) {
  const [jobId, setJobId] = useState<string | null>(null)
  const [refused, setRefused] = useState<SetupFlow | null>(null)
  const report = useOfflineSetupStore((s) => (jobId ? s.jobs[jobId] : undefined))

  useEffect(() => useOfflineSetupStore.getState().watch(), [])
  // A setup on this server still running (started before the page was reopened).
  useEffect(() => {
    if (jobId) return
    const running = Object.values(useOfflineSetupStore.getState().jobs).find(
      (p) => p.baseUrl === baseUrl && !p.finished,
    )
    if (running) setJobId(running.jobId)
  }, [baseUrl, jobId, report])
  // Registering may create the server's credential or add models to it: the cards re-read.
  const registered = report?.steps.register === 'done'
  useEffect(() => {
    if (registered) void useLocalStore.getState().loadCredentials()
  }, [registered])

  const run = useCallback(
    async (rec: RecommendedModel, makeDefault: boolean) => {
      setRefused(null)
      try {
        setJobId(await useOfflineSetupStore.getState().start(baseUrl, rec.name, makeDefault))
      } catch (err) {
        setRefused({
          jobId: '',
          model: rec.name,
          baseUrl,
          type: rec.type,
          slot: rec.type === 'embedding' ? 'embedding' : 'chat',
          steps: { pull: 'failed', register: 'pending', default: 'pending', test: 'pending' },
          pullJobId: null,
          credentialId: null,
          modelId: null,
          error: { step: 'pull', body: errorBodyOf(err) },
          reply: null,
          dimensions: null,
          latencyMs: null,
          finished: true,
        })
      }
    },
    [baseUrl],
  )

  const reset = useCallback(() => {
    if (jobId) useOfflineSetupStore.getState().dismiss(jobId)
    setJobId(null)
    setRefused(null)
  }, [jobId])

  const flow = refused ?? (report ? asFlow(report) : null)
  return { flow, run, reset }
}
