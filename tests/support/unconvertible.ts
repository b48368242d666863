/**
 * Values that JSON or a structured clone can carry and that cannot become a number or a string:
 * their own `toString` / `valueOf` are not functions. zod compares a value's `length` and matches
 * patterns on whatever it is given, so each of these made `safeParse` throw a TypeError instead
 * of reporting a bad value (found by the IPC fuzz in session 13).
 */
export const UNCONVERTIBLE: readonly unknown[] = [
  JSON.parse('{"length":{"toString":1,"valueOf":1}}'),
  JSON.parse('{"length":{"toString":null}}'),
  JSON.parse('{"length":[{"toString":1,"valueOf":1}]}'),
]
