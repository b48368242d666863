/**
 * Imported first by the CLI entry: a process that may hold the master passphrase (and every key
 * it opens) must not be inspectable by another process of the same user.
 *
 * - On POSIX, Node opens its inspector (a debugger on 127.0.0.1:9229) when it receives SIGUSR1.
 *   Any process of the user may send that signal; a listener of our own replaces Node's.
 * - A debugger started through NODE_OPTIONS (`--inspect`, `--inspect-brk`) or the command line is
 *   refused: we close it and stop before the store or a key is touched.
 */
import inspector from 'node:inspector'

process.on('SIGUSR1', () => {
  // Deliberately nothing: a listener disables Node's "open the inspector on SIGUSR1".
})

if (inspector.url()) {
  inspector.close()
  process.stderr.write(
    'switchboard: refusing to run with a debugger attached (remove --inspect from NODE_OPTIONS or the node command line).\n',
  )
  process.exit(2)
}
