// Channels of the settings domain. Owned by the settings work; add channels here as `'settings:verb'`.
export const settingsChannels = {}

export const settingsEvents = {}
