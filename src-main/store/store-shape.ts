/**
 * The shape of the store file, checked on every read (issue 11): a file that parses as JSON but
 * does not have the types the code relies on (`"credentials": null`, a `null` entry, a numeric
 * salt) is a corrupt store, set aside and reported as `store_corrupt` — never an `internal` crash
 * in whichever command touches the broken field first.
 *
 * Objects are loose: a field this version does not know (written by a newer Switchboard) is kept
 * as it is and written back untouched. Fields that are absent get the empty store's value, as the
 * v0 migration does. Every field of StoreData / StoredCredential must be listed here; the type
 * checks at the bottom fail the build when one is added to schema.ts without a rule.
 */
import { z } from 'zod'
import { ModelType } from '../../src-preload/contract/models-shared'
import { providerIds } from '../providers/catalog'
import type { ProviderId } from '../providers/catalog-types'
import {
  DEFAULT_GATEWAY_PORT,
  type StoreData,
  type StoredCredential,
  type StoredGateway,
} from './schema'
import { defaultSlots } from '../../src-preload/contract/slot-names'
import { ThemePreference } from '../../src-preload/contract/preferences'
import { parseUntrusted } from '../../src-preload/contract/parse-untrusted'

const Provider = z.enum(providerIds as unknown as [ProviderId, ...ProviderId[]])
const Slot = z.enum(defaultSlots)
const text = z.string()
const nullableText = z.string().nullable().default(null)

const Credential = z.looseObject({
  id: z.string().min(1),
  provider: Provider,
  name: text,
  baseUrl: nullableText,
  endpoint: nullableText,
  apiVersion: nullableText,
  endpoints: z
    .object({
      language: text.optional(),
      embedding: text.optional(),
      speechToText: text.optional(),
      textToSpeech: text.optional(),
    })
    .nullable()
    .default(null),
  project: nullableText,
  location: nullableText,
  credentialsPath: nullableText,
  numCtx: z.number().nullable().default(null),
  // Sealed values are strings; an unknown secret field from a newer version must be one too.
  secrets: z
    .object({ apiKey: text.optional(), serviceAccountJson: text.optional() })
    .catchall(text)
    .default({}),
  keyHint: nullableText,
  allowInsecureHttp: z.boolean().default(false),
  isPrimary: z.boolean().default(false),
  createdAt: text,
  updatedAt: text,
})

/**
 * One credential record as a queued writer offers it (queued-ops.ts): the same rules, but a field
 * this version does not know is refused, since the record comes from outside the store file.
 */
export const CredentialRecord = z.strictObject(Credential.shape)

const Model = z.looseObject({
  id: z.string().min(1),
  name: text,
  provider: Provider,
  type: ModelType,
  credentialId: text,
  createdAt: text,
})

const Slots = z.object(
  Object.fromEntries(defaultSlots.map((s) => [s, z.string().nullable().default(null)])) as {
    [K in (typeof defaultSlots)[number]]: z.ZodDefault<z.ZodNullable<z.ZodString>>
  },
)

const maybeNumber = z.number().nullable().default(null)
const LastTest = z.looseObject({
  code: text,
  message: text,
  at: text,
  latencyMs: z.number(),
  limits: z
    .looseObject({
      remaining: maybeNumber,
      limit: maybeNumber,
      resetAt: nullableText,
      credit: maybeNumber,
    })
    .nullable()
    .optional(),
})

const Settings = z.looseObject({
  language: nullableText,
  theme: ThemePreference.default('system'),
  localTargets: z.array(text).default([]),
})

const count = z.number().nonnegative().default(0)
const nullableNumber = z.number().nullable().default(null)

/** The local gateway's section (DESIGN §14): tokens (hashes only), usage, limits, disables. */
const GatewayToken = z.looseObject({
  id: z.string().min(1),
  name: text,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  hint: text.default(''),
  models: z.array(text).nullable().default(null),
  rpm: z.number().int().positive().nullable().default(null),
  expiresAt: nullableText,
  createdAt: text,
  lastUsedAt: nullableText,
})

const Gateway = z.looseObject({
  enabled: z.boolean().default(false),
  port: z.number().int().min(0).max(65535).default(DEFAULT_GATEWAY_PORT),
  tokens: z.array(GatewayToken).default([]),
  usage: z
    .array(
      z.looseObject({
        tokenId: text,
        name: text,
        model: text,
        requests: count,
        errors: count,
        inputTokens: count,
        outputTokens: count,
      }),
    )
    .default([]),
  limits: z
    .record(
      text,
      z.looseObject({
        at: text,
        requestsLimit: nullableNumber,
        requestsRemaining: nullableNumber,
        requestsReset: nullableText,
        tokensLimit: nullableNumber,
        tokensRemaining: nullableNumber,
        tokensReset: nullableText,
        retryAfterMs: nullableNumber,
      }),
    )
    .default({}),
  disabled: z.record(text, z.looseObject({ code: text, at: text })).default({}),
})

/** Ids must be unique: secrets are sealed with the credential id as associated data. */
const unique = (items: { id: string }[], what: string, ctx: z.RefinementCtx, path: string) => {
  const seen = new Set<string>()
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: 'custom', message: `duplicate ${what} id`, path: [path, i, 'id'] })
    }
    seen.add(item.id)
  }
}

const Top = z.looseObject({
  schemaVersion: z.number().int().nonnegative(),
  salt: text.default(''),
  keyCheck: nullableText,
  keySource: nullableText,
  credentials: z.array(Credential).default([]),
  models: z.array(Model).default([]),
  defaults: z
    .object({ slots: Slots.prefault({}), cleared: z.array(Slot).default([]) })
    .prefault({}),
  lastTests: z.record(text, LastTest).default({}),
  settings: Settings.prefault({}),
  gateway: Gateway.prefault({}),
})

export const StoreShape = Top.superRefine((doc, ctx) => {
  unique(doc.credentials, 'credential', ctx, 'credentials')
  unique(doc.models, 'model', ctx, 'models')
  unique(doc.gateway.tokens, 'gateway token', ctx, 'gateway.tokens')
})

export type ShapeResult = { ok: true; data: StoreData } | { ok: false; problem: string }

/** Checks a migrated document; `problem` says where it first fails (for logs, never a value). */
export function checkStoreShape(doc: unknown): ShapeResult {
  const r = parseUntrusted(StoreShape, doc)
  if (r.success) return { ok: true, data: r.data as StoreData }
  const issue = r.error.issues[0]
  return { ok: false, problem: `${issue?.path.join('.') || '(root)'}: ${issue?.code ?? 'invalid'}` }
}

// Every field the code knows has a rule above (a new field in schema.ts fails the typecheck here).
type Missing<T, S> = Exclude<keyof T, keyof S>
type AllChecked<T, S> = [Missing<T, S>] extends [never] ? true : Missing<T, S>
export const storeFieldsChecked: AllChecked<StoreData, (typeof Top)['shape']> = true
export const credentialFieldsChecked: AllChecked<StoredCredential, (typeof Credential)['shape']> =
  true
export const gatewayFieldsChecked: AllChecked<StoredGateway, (typeof Gateway)['shape']> = true
