/** The project's own source files, for tests that check a rule over all of them. */
import fs from 'node:fs'
import path from 'node:path'

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../..')

/** The source folders of every side: main, preload, renderer, CLI, shared. */
export const SOURCE_DIRS = ['src-main', 'src-preload', 'src-renderer', 'src-cli', 'src-shared']

/** Every .ts / .tsx file below `dir` (relative to the root), as root-relative paths. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(rel)
    return /\.(ts|tsx)$/.test(d.name) ? [rel] : []
  })
}

/** A root-relative file's text. */
export const readSource = (file: string): string =>
  fs.readFileSync(path.join(repoRoot, file), 'utf8')
