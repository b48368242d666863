// Channels of the credentials domain. Owned by the credentials work; add channels here as `'credentials:verb'`.
export const credentialsChannels = {}

export const credentialsEvents = {}
