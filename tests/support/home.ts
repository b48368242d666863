/** Temporary folders for tests: one spelling of "a fresh data folder". */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A fresh, empty folder under the OS temp dir; `prefix` names the test in a stray listing. */
export function tmpHome(prefix = 'sb-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}
