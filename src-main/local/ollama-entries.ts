/**
 * One entry of Ollama's `/api/tags` or `/api/ps` answer (github.com/ollama/ollama docs/api.md
 * "List Local Models", "List Running Models") read into what the Local page shows. The `ollama`
 * SDK hands the JSON over unchecked, so every field is checked here: a server on the user's
 * network may send anything, and a value that cannot become text would make String(), a join
 * or the name rules throw. An entry without a name is dropped; any other bad field is left out.
 */
import type { OllamaInstalledModel, OllamaRunningModel } from '../../src-preload/contract/local'
import type { ClassifyByName } from '../providers/classify'
import { typeFromOllamaCapabilities } from '../providers/reported-type'
import { count, obj, str } from './json-fields'

const text = (v: unknown): string | null => str(v) ?? null
const size = (v: unknown): number => count(v) ?? 0

/** The entry's name, or null when it has none that is text (the entry is then dropped). */
export function entryName(raw: unknown): string | null {
  return text(obj(raw)?.name)
}

/** `/api/show` capabilities: the strings of the array, nothing else. */
export function capabilitiesOf(show: unknown): string[] {
  const caps = obj(show)?.capabilities
  return Array.isArray(caps) ? caps.filter((c): c is string => typeof c === 'string') : []
}

/** An installed model from a tags entry with a name and its `/api/show` capabilities. */
export function installedModel(
  raw: unknown,
  name: string,
  capabilities: string[],
  classify: ClassifyByName,
): OllamaInstalledModel {
  const m = obj(raw) ?? {}
  const d = obj(m.details) ?? {}
  return {
    name,
    sizeBytes: size(m.size),
    digest: text(m.digest) ?? '',
    modifiedAt: text(m.modified_at),
    family: text(d.family),
    parameterSize: text(d.parameter_size),
    quantization: text(d.quantization_level),
    capabilities,
    type: typeFromOllamaCapabilities(capabilities) ?? classify(name, 'ollama'),
  }
}

/** A running model from a ps entry with a name. */
export function runningModel(raw: unknown, name: string): OllamaRunningModel {
  const m = obj(raw) ?? {}
  const d = obj(m.details) ?? {}
  return {
    name,
    sizeBytes: size(m.size),
    sizeVramBytes: size(m.size_vram),
    expiresAt: text(m.expires_at),
    family: text(d.family),
    parameterSize: text(d.parameter_size),
    quantization: text(d.quantization_level),
  }
}
