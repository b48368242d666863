/**
 * Values that JSON or a structured clone can carry whose `length` cannot become a number or a
 * string (its own `toString` / `valueOf` are not functions, or it holds such a value). zod
 * compares the `length` of whatever it is given, so each of these made `safeParse` throw a
 * TypeError instead of reporting a bad value (found by the IPC fuzz in session 13).
 */
export const UNCONVERTIBLE: readonly unknown[] = [
  JSON.parse('{"length":{"toString":1,"valueOf":1}}'),
  JSON.parse('{"length":{"toString":null}}'),
  JSON.parse('{"length":[{"toString":1,"valueOf":1}]}'),
]
