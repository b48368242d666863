// Channels of the defaults domain. Owned by the defaults work; add channels here as `'defaults:verb'`.
export const defaultsChannels = {}

export const defaultsEvents = {}
