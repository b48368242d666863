// Channels of the models domain. Owned by the models work; add channels here as `'models:verb'`.
export const modelsChannels = {}

export const modelsEvents = {}
