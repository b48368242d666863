// Channels of the local domain. Owned by the local work; add channels here as `'local:verb'`.
export const localChannels = {}

export const localEvents = {}
