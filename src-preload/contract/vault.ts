// Channels of the vault domain. Owned by the vault work; add channels here as `'vault:verb'`.
export const vaultChannels = {}

export const vaultEvents = {}
