/**
 * Channels of the credentials domain (DESIGN §3, §9). Secrets travel renderer → main only
 * (create / update); every response carries `hasKey` and `keyHint`, never a key. The view is
 * also what the CLI prints with `--json`.
 */
import { z } from 'zod'
import { channel, event } from './define'
import type { DefaultSlotName } from './defaults'
import type { ProviderGuideView } from './guides'
import type { ModelType } from './models-shared'
import { TEST_ALL_CONCURRENCY } from './test-all'
import type {
  ConnectionTestView,
  LastTestView,
  LastTestsUpdate,
  TestAllView,
} from './connection-tests'
import {
  CREDENTIAL_FIELDS,
  ENDPOINT_FIELDS,
  ENDPOINT_MODALITIES,
  FIELD_NAMES,
  checkField,
  type CatalogFieldName,
  type EndpointFieldName,
  type EndpointModality,
  type FieldDef,
  type FieldName,
} from './credential-fields'

/** A stored credential id (a UUID; the pattern also admits ids from imports). */
export const CredentialId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]+$/)

/** A provider id of the catalog (checked against the catalog in main). */
export const ProviderIdField = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/)

/**
 * One field's zod schema, from the field table: the value's type, then the table's own check
 * (length, characters, URL shape, range) as a refinement whose issue carries `reason`, so IPC
 * refuses with the same coded reason as the CLI, migrate-env and backup import.
 */
function fieldSchema<F extends FieldName>(field: F) {
  const def: FieldDef = CREDENTIAL_FIELDS[field]
  const base =
    def.kind === 'number' ? z.number() : def.kind === 'boolean' ? z.boolean() : z.string()
  return (base as unknown as z.ZodType<FieldValue<F>>).superRefine((value, ctx) => {
    const r = checkField(field, value)
    if (!r.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `${field}: ${r.reason}`,
        params: { reason: r.reason, ...r.params },
      })
    }
  })
}
type FieldValue<F extends FieldName> = (typeof CREDENTIAL_FIELDS)[F]['kind'] extends 'number'
  ? number
  : (typeof CREDENTIAL_FIELDS)[F]['kind'] extends 'boolean'
    ? boolean
    : string

/** The per-modality Azure endpoints (DESIGN §3 `endpoints`), from the table's endpoint fields. */
export const CredentialEndpoints = z
  .object(
    Object.fromEntries(
      ENDPOINT_MODALITIES.map((m) => [m, fieldSchema(ENDPOINT_FIELDS[m]).nullable().optional()]),
    ) as Record<EndpointModality, z.ZodOptional<z.ZodNullable<z.ZodType<string>>>>,
  )
  .strict()

/** The request fields of the table (endpoint fields travel inside `endpoints`). */
type RequestField = Exclude<FieldName, EndpointFieldName | 'name'>
const REQUEST_FIELDS = FIELD_NAMES.filter(
  (f): f is RequestField => f !== 'name' && CREDENTIAL_FIELDS[f].storage !== 'endpoint',
)
const optionalShape = <N extends boolean>(nullable: N) =>
  Object.fromEntries(
    REQUEST_FIELDS.map((f) => {
      const s = fieldSchema(f)
      // allowInsecureHttp is a switch: it is set or unset, never cleared to null.
      return [f, nullable && f !== 'allowInsecureHttp' ? s.nullable().optional() : s.optional()]
    }),
  ) as unknown as {
    [F in RequestField]: z.ZodOptional<
      N extends true
        ? F extends 'allowInsecureHttp'
          ? z.ZodType<boolean>
          : z.ZodNullable<z.ZodType<FieldValue<F>>>
        : z.ZodType<FieldValue<F>>
    >
  }

/**
 * `credentials:create`: the provider's fields; absent = not set. `apiKey` and `serviceAccountJson`
 * are secrets (trimmed); `allowInsecureHttp` is the user's confirmation to send the key over plain
 * http to a non-loopback host (DESIGN §7).
 */
export const CredentialCreateRequest = z
  .object({
    provider: ProviderIdField,
    name: fieldSchema('name'),
    ...optionalShape(false),
    endpoints: CredentialEndpoints.optional(),
  })
  .strict()
export type CredentialCreateRequest = z.infer<typeof CredentialCreateRequest>

/**
 * `credentials:update`: only the given fields change. `apiKey` absent or empty keeps the stored
 * key; `null` clears an optional field (and the key, where the provider does not require one).
 */
export const CredentialPatch = z
  .object({
    name: fieldSchema('name').optional(),
    ...optionalShape(true),
    endpoints: CredentialEndpoints.nullable().optional(),
  })
  .strict()
export type CredentialPatch = z.infer<typeof CredentialPatch>

/**
 * A request as text input hands it over (CLI flags, environment variables): a number may still
 * be text, which the one validation parses, naming the field and the reason when it cannot.
 */
export type AsText<T> = {
  [K in keyof T]: T[K] extends number | null | undefined ? T[K] | string : T[K]
}

export const CredentialUpdateRequest = CredentialPatch.extend({ id: CredentialId }).strict()

export const CredentialStatus = z.enum(['ok', 'decryption_error'])
export type CredentialStatus = z.infer<typeof CredentialStatus>

/**
 * One credential as the app and the CLI show it (DESIGN §9; absent values are null), plus
 * `endpoints` (Azure per-modality endpoints) and `allowInsecureHttp`, which the edit form needs.
 */
export const CredentialView = z.object({
  id: z.string(),
  provider: z.string(),
  name: z.string(),
  baseUrl: z.string().nullable(),
  endpoint: z.string().nullable(),
  apiVersion: z.string().nullable(),
  project: z.string().nullable(),
  location: z.string().nullable(),
  credentialsPath: z.string().nullable(),
  numCtx: z.number().nullable(),
  isPrimary: z.boolean(),
  hasKey: z.boolean(),
  keyHint: z.string().nullable(),
  modelCount: z.number(),
  status: CredentialStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  endpoints: z
    .object({
      language: z.string().optional(),
      embedding: z.string().optional(),
      speechToText: z.string().optional(),
      textToSpeech: z.string().optional(),
    })
    .nullable(),
  allowInsecureHttp: z.boolean(),
})
export type CredentialView = z.infer<typeof CredentialView>

/** What deleting a credential took with it (its models, and the default slots that used them). */
export interface CredentialDeleteResult {
  id: string
  deletedModels: number
  clearedSlots: string[]
}

/**
 * `credentials:deleteImpact`: what deleting a credential would take with it or leave pointing
 * nowhere, answered by main from the delete's own rule (the confirmation shows it).
 */
export interface CredentialDeleteImpact {
  id: string
  /** Registered models removed with it. */
  models: number
  /** Default slots that use one of them: emptied (auto-assign may refill them). */
  slots: DefaultSlotName[]
  /** The credential that becomes its provider's primary, when this one is primary. */
  nextPrimary: { id: string; name: string } | null
  /** Model names the running gateway serves now and would no longer (no other credential has them). */
  gatewayModels: string[]
  /** Gateway tokens whose model list names one of those models: they lose it. */
  gatewayTokens: { id: string; name: string }[]
}

/** Why the credentials list changed (the renderer re-reads on any of these). */
export type CredentialsChange = 'created' | 'updated' | 'deleted' | 'primary' | 'rotated'

export type {
  ConnectionTestView,
  LastTestView,
  LastTestsUpdate,
  TestAllView,
  TestLimits,
} from './connection-tests'

/** Every credential form field the catalog can list (derived from the field table). */
export { credentialFields } from './credential-fields'
export type CredentialField = CatalogFieldName

/** One form field of a provider, as the add / edit dialog renders it (from the catalog). */
export interface ProviderFieldView {
  field: CredentialField
  required: boolean
  placeholder?: string
  /** The only values the field takes, shown as a select (DashScope's regions). */
  choices?: readonly { value: string; label: string; docsUrl?: string }[]
}

/** `credentials:providers`: the catalog as the forms need it (plain data, no secrets). */
export interface ProviderFormView {
  id: string
  displayName: string
  modalities: ModelType[]
  fields: ProviderFieldView[]
  defaultBaseUrl: string | null
  docsUrl: string
  local: boolean
  /** How to get a key, its usual shapes, recommended models, troubleshooting (issue 16). */
  guide: ProviderGuideView
}

/**
 * `credentials:listIfChanged`'s answer: the list's version, and the list itself unless the
 * caller already holds that version (`credentials: null`, keep yours).
 */
export interface CredentialListUpdate {
  version: string
  credentials: CredentialView[] | null
}

const ById = z.object({ id: CredentialId }).strict()
/** A conditional read's request: the version the caller holds, if any. */
const Since = z.object({ since: z.string().max(200).optional() }).strict()

export const credentialsChannels = {
  'credentials:list': channel<CredentialView[]>()(
    z.object({ provider: ProviderIdField.optional() }).strict(),
  ),
  /** The list only when it changed since the version the caller holds (the renderer's refresh). */
  'credentials:listIfChanged': channel<CredentialListUpdate>()(Since),
  'credentials:get': channel<CredentialView>()(ById),
  'credentials:create': channel<CredentialView>()(CredentialCreateRequest),
  'credentials:update': channel<CredentialView>()(CredentialUpdateRequest),
  'credentials:delete': channel<CredentialDeleteResult>()(ById),
  /** What a delete would take with it (models, default slots, gateway names and tokens). */
  'credentials:deleteImpact': channel<CredentialDeleteImpact>()(ById),
  'credentials:setPrimary': channel<CredentialView>()(ById),
  'credentials:providers': channel<ProviderFormView[]>()(z.object({}).strict()),
  'credentials:test': channel<ConnectionTestView>()(ById),
  /** Runs every test (bounded parallelism); each result is also pushed as `credentials:testResult`. */
  'credentials:testAll': channel<TestAllView>()(
    z
      .object({
        concurrency: z
          .number()
          .int()
          .min(TEST_ALL_CONCURRENCY.min)
          .max(TEST_ALL_CONCURRENCY.max)
          .optional(),
      })
      .strict(),
  ),
  /** Stops a running test-all; the finished results stay. */
  'credentials:cancelTests': channel<{ cancelled: boolean }>()(z.object({}).strict()),
  /** The last test result of every credential that has one, by credential id. */
  'credentials:lastTests': channel<Record<string, LastTestView>>()(z.object({}).strict()),
  /** The last results only when they changed since the version the caller holds. */
  'credentials:lastTestsIfChanged': channel<LastTestsUpdate>()(Since),
}

export const credentialsEvents = {
  /** Credentials were added, edited, removed or re-keyed; `ids` are the ones touched. */
  'credentials:changed': event<{ reason: CredentialsChange; ids: string[] }>(),
  /** One finished test of a running `credentials:testAll` (in completion order). */
  'credentials:testResult': event<{ result: ConnectionTestView }>(),
}
