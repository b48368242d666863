/**
 * The bundled speech clip a speech_to_text model test transcribes (issue 6): its words, its file
 * name, where it may live (dev tree, packaged resources, beside the bundle) and a cached loader.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AppError } from '../errors'

/** The exact words spoken in assets/audio/stt-test.wav. */
export const STT_CLIP_TEXT = 'Switchboard test one two three'
/** The bundled clip's file name under assets/audio/. */
export const STT_CLIP_FILE = 'stt-test.wav'

/** Loads the bundled STT clip from the first candidate path that exists; caches it. */
export function createSttClipLoader(candidates: readonly string[]): () => Promise<Buffer> {
  let cached: Promise<Buffer> | null = null
  const load = async (): Promise<Buffer> => {
    for (const file of candidates) {
      try {
        return await readFile(file)
      } catch {
        // try the next place the assets may live (dev tree, packaged resources)
      }
    }
    throw new AppError('internal', 'The bundled speech clip is missing.', { file: STT_CLIP_FILE })
  }
  return () => {
    cached ??= load().catch((err) => {
      cached = null
      throw err
    })
    return cached
  }
}

/**
 * Where the clip may live: the given assets directories, then the packaged app's resources
 * (`extraResources` → `<resources>/assets`), beside the bundled main script (`out/main` → the
 * app root), and the working directory (dev, tests, CLI from the repo).
 */
export function sttClipCandidates(assetDirs: readonly string[] = []): string[] {
  const dirs = [...assetDirs]
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (resources) dirs.push(path.join(resources, 'assets'))
  if (typeof __dirname === 'string') dirs.push(path.join(__dirname, '..', '..', 'assets'))
  dirs.push(path.join(process.cwd(), 'assets'))
  return dirs.map((d) => path.join(d, 'audio', STT_CLIP_FILE))
}
