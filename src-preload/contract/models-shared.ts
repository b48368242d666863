import { z } from 'zod'
import { MODEL_TYPE_NAMES } from './model-types'

export { MODEL_TYPE_KEYS, MODEL_TYPE_NAMES, slotOfType } from './model-types'
export type { ModelTypeKey } from './model-types'

/** The four model types of DESIGN §3. */
export const ModelType = z.enum(MODEL_TYPE_NAMES)
export type ModelType = z.infer<typeof ModelType>
