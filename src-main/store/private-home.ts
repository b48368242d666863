/**
 * The data folder holds sealed secrets and the key check: it must be ours and closed to others
 * (issue 11). A folder we created is 0700 already; an existing one that is more open (made by
 * hand, by a sync tool, by an older umask) is tightened to 0700 and the store file to 0600. A
 * folder or file that belongs to another user is refused with the reason — we never chmod what is
 * not ours. Windows has no POSIX modes; its per-user profile folder is private already.
 */
import fs from 'node:fs/promises'
import { AppError } from '../errors'

const refuse = (message: string, reason: string, file: string) =>
  new AppError('validation', message, { field: 'SWITCHBOARD_HOME', reason, file })

async function statOrNull(p: string) {
  try {
    return await fs.stat(p)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

/** Tightens `p` to `mode` when it is looser; refuses another user's file. */
async function tighten(p: string, mode: number, what: string, uid: number): Promise<void> {
  const st = await statOrNull(p)
  if (!st) return
  if (st.uid !== uid) {
    throw refuse(
      `The ${what} ${p} belongs to another user (uid ${st.uid}); Switchboard keeps secrets only in a folder of the user running it.`,
      'not_owner',
      p,
    )
  }
  if ((st.mode & 0o777 & ~mode) === 0) return
  try {
    await fs.chmod(p, mode)
  } catch (err) {
    throw refuse(
      `The ${what} ${p} is open to other users and could not be made private (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
      'not_private',
      p,
    )
  }
}

/** Checks (and where needed tightens) an existing data folder and its store file. */
export async function ensurePrivateHome(
  home: string,
  storeFile: string,
  platform: NodeJS.Platform = process.platform,
): Promise<void> {
  const st = await statOrNull(home)
  if (!st) return // created 0700 on the first write
  if (!st.isDirectory()) {
    throw refuse(`The data folder ${home} is not a folder.`, 'not_a_folder', home)
  }
  if (platform === 'win32' || typeof process.getuid !== 'function') return
  const uid = process.getuid()
  await tighten(home, 0o700, 'data folder', uid)
  await tighten(storeFile, 0o600, 'data file', uid)
}
