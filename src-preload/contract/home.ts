/**
 * Channels of the home domain (issue 16): the overview the landing page shows — each credential's
 * health, the defaults at a glance, local servers, the gateway's state — and what needs
 * attention, each item with the one-click fix it offers. Computed in main
 * (src-main/services/overview.ts, src-main/services/attention.ts); the renderer only renders it.
 */
import { z } from 'zod'
import { channel } from './define'
import type { DefaultSlotName, SlotProblem } from './defaults'
import type { TestCode } from './errors'
import type { ServerKind, ServerState } from './local'

/** How a credential's last connection test reads on the overview. */
export type CredentialHealthState = 'ok' | 'failing' | 'untested' | 'stale' | 'undecryptable'

export interface CredentialHealth {
  id: string
  provider: string
  name: string
  isPrimary: boolean
  health: CredentialHealthState
  /** The last test's code and when it ran; null when never tested. */
  lastTest: { code: TestCode; at: string; latencyMs: number } | null
}

/** One default slot at a glance (model names resolved in main). */
export interface OverviewSlot {
  slot: DefaultSlotName
  required: boolean
  modelId: string | null
  /** The model's name and provider; null when the slot is empty or its model is gone. */
  modelName: string | null
  provider: string | null
  /** Empty and using the chat model instead. */
  fallback: boolean
  problem: SlotProblem | null
}

export interface OverviewServer {
  kind: ServerKind
  baseUrl: string
  state: ServerState
  modelCount: number
  /** A credential already points at this server. */
  connected: boolean
}

/** The one-click fix an attention item offers (the renderer maps each to a button). */
export type AttentionFix = 'retest' | 'open_defaults' | 'open_api_keys'

/** Something that needs the user's attention, with its fix. */
export type AttentionItem =
  | {
      kind: 'stale_default'
      /** The slot points at a model that is no longer registered. */
      slot: DefaultSlotName
      modelId: string
      fix: 'open_defaults'
    }
  | {
      kind: 'failing_key'
      credentialId: string
      provider: string
      name: string
      code: TestCode
      at: string
      fix: 'retest'
    }
  | {
      kind: 'untested_key'
      credentialId: string
      provider: string
      name: string
      /** The last test, or null when the key was never tested. */
      lastTestAt: string | null
      /** Whole days since the last test; null when never tested. */
      days: number | null
      fix: 'retest'
    }
  | {
      kind: 'undecryptable_key'
      credentialId: string
      provider: string
      name: string
      fix: 'open_api_keys'
    }

/** `home:overview`. */
export interface Overview {
  /** No credential and no registered model: the store is empty. */
  storeEmpty: boolean
  /** The store is empty and the first-run screen was not dismissed: land on it. */
  firstRun: boolean
  credentials: CredentialHealth[]
  modelCount: number
  slots: OverviewSlot[]
  /** The latest local-server sweep; null before the first one ended. */
  local: { servers: OverviewServer[] } | null
  gateway: { enabled: boolean; running: boolean; url: string | null; port: number }
  attention: AttentionItem[]
}

export const homeChannels = {
  'home:overview': channel<Overview>()(z.object({}).strict()),
}

export const homeEvents = {}
