/** A translation's result: the value, or why the request cannot be translated (a 400). */
export type Translated<T> = { ok: true; value: T } | { ok: false; message: string }
