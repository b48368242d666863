/** Ageing a store file past the read cache's racy window (src-main/store/store-reader.ts). */
import fs from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { settledAt } from '../../src-main/store/store-reader'

/**
 * Waits until the file's mtime and ctime are both older than the timestamp tick (~100 ms; 2.5 s
 * on whole-second filesystems): from then on a read may trust the file's stat alone. Backdating
 * the mtime is not enough, since `utimes` itself sets the ctime to now.
 */
export async function settle(file: string): Promise<void> {
  while (!settledAt(fs.statSync(file, { bigint: true }), Date.now())) await sleep(10)
}
