import { z } from 'zod'

/** The four model types of DESIGN §3. */
export const ModelType = z.enum(['language', 'embedding', 'text_to_speech', 'speech_to_text'])
export type ModelType = z.infer<typeof ModelType>
