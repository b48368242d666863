import { z } from 'zod'

/**
 * `schema.safeParse(input)` that never throws. zod runs a length or pattern check on any value
 * that has a `length`, and compares or matches it: a value from JSON or a structured clone such
 * as `{ "length": { "toString": 1, "valueOf": 1 } }` cannot become a number or a string, so the
 * comparison throws a TypeError out of safeParse. Every parse of input from outside (IPC, the
 * store and preference files, backups, queued ops) goes through here, so such a value is refused
 * like any other bad input instead of escaping as an internal error.
 */
export function parseUntrusted<S extends z.ZodType>(
  schema: S,
  input: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(input) as z.ZodSafeParseResult<z.output<S>>
  } catch {
    return {
      success: false,
      error: new z.ZodError([
        { code: 'custom', path: [], message: 'A value could not be read.', input: undefined },
      ]),
    } as z.ZodSafeParseResult<z.output<S>>
  }
}
