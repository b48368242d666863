/**
 * The IPC contract (DESIGN §2): every channel's zod request schema and response type, and
 * every main → renderer event. Main, preload and renderer all type themselves from this map,
 * so a renamed field fails the typecheck on both sides. Domain maps live in ./contract/.
 */
import type { z } from 'zod'
import { appChannels, appEvents } from './contract/app'
import { credentialsChannels, credentialsEvents } from './contract/credentials'
import { defaultsChannels, defaultsEvents } from './contract/defaults'
import { gatewayChannels, gatewayEvents } from './contract/gateway'
import { localChannels, localEvents } from './contract/local'
import { modelsChannels, modelsEvents } from './contract/models'
import { settingsChannels, settingsEvents } from './contract/settings'
import { vaultChannels, vaultEvents } from './contract/vault'
import { updatesChannels, updatesEvents } from './contract/updates'
import { cliChannels, cliEvents } from './contract/cli'
import { dialogChannels, dialogEvents } from './contract/dialog'
import { homeChannels, homeEvents } from './contract/home'
import { setupChannels, setupEvents } from './contract/setup'
import { verifyChannels, verifyEvents } from './contract/verify'
import type { ChannelDef, EventDef } from './contract/define'
import { CHANNEL_NAMES, EVENT_NAMES } from './contract/names'

export * from './contract/errors'
export * from './contract/app'
export * from './contract/credentials'
export * from './contract/defaults'
export * from './contract/gateway'
export * from './contract/local'
export * from './contract/models'
export * from './contract/models-shared'
export * from './contract/settings'
export * from './contract/preferences'
export * from './contract/vault'
export * from './contract/updates'
export * from './contract/cli'
export * from './contract/dialog'
export * from './contract/home'
export * from './contract/setup'
export * from './contract/verify'

export const channels = {
  ...appChannels,
  ...credentialsChannels,
  ...vaultChannels,
  ...modelsChannels,
  ...defaultsChannels,
  ...localChannels,
  ...settingsChannels,
  ...gatewayChannels,
  ...updatesChannels,
  ...cliChannels,
  ...dialogChannels,
  ...homeChannels,
  ...setupChannels,
  ...verifyChannels,
}

export const events = {
  ...appEvents,
  ...credentialsEvents,
  ...vaultEvents,
  ...modelsEvents,
  ...defaultsEvents,
  ...localEvents,
  ...settingsEvents,
  ...gatewayEvents,
  ...updatesEvents,
  ...cliEvents,
  ...dialogEvents,
  ...homeEvents,
  ...setupEvents,
  ...verifyEvents,
}

export type Channels = typeof channels
export type ChannelName = keyof Channels & string
export type EventName = keyof typeof events & string

/** The request a caller sends on channel C (zod input type). */
export type RequestOf<C extends ChannelName> =
  Channels[C] extends ChannelDef<infer R, unknown> ? z.input<R> : never
/** The request a handler receives on channel C, after zod parsing. */
export type ParsedRequestOf<C extends ChannelName> =
  Channels[C] extends ChannelDef<infer R, unknown> ? z.output<R> : never
/** The data an ok envelope on channel C carries. */
export type ResponseOf<C extends ChannelName> =
  Channels[C] extends ChannelDef<z.ZodType, infer Res> ? Res : never
/** The payload of event E. */
export type EventPayloadOf<E extends EventName> =
  (typeof events)[E] extends EventDef<infer P> ? P : never

/** True only when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
// The preload's names-only module must list exactly the contract's channels and events.
const namesMatchChannels: Same<(typeof CHANNEL_NAMES)[number], ChannelName> = true
const namesMatchEvents: Same<(typeof EVENT_NAMES)[number], EventName> = true
void namesMatchChannels
void namesMatchEvents

/** Every channel name, in a stable order (the boot smoke checks main registers exactly these). */
export const channelNames: readonly ChannelName[] = CHANNEL_NAMES
/** Every event name. */
export const eventNames: readonly EventName[] = EVENT_NAMES

export { splitName } from './contract/names'
