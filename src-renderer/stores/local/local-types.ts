/**
 * The Local store's shape (`use-local-store.ts` builds it; `job-actions.ts` adds the pull and
 * import jobs): what the Local page, the first run and the offline setup read, and the actions
 * they call.
 */
import type {
  ConnectResult,
  CredentialView,
  DetectResult,
  ErrorBody,
  ImportProgress,
  MachineInfo,
  OllamaInstalledModel,
  OllamaRunningModel,
  PullProgress,
  RecommendedResult,
} from '../../../src-preload/contract'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** A credential as this page needs it: which server it came from. */
export type CredentialRef = Pick<CredentialView, 'id' | 'provider' | 'baseUrl'>

export interface LibraryState {
  status: LoadStatus
  installed: OllamaInstalledModel[]
  running: OllamaRunningModel[]
  error: ErrorBody | null
}

export interface PullEntry {
  jobId: string
  model: string
  baseUrl: string | null
  progress: PullProgress | null
  startedAt: number
}

export interface ImportEntry {
  jobId: string
  name: string
  baseUrl: string | null
  progress: ImportProgress | null
}

export interface ConnectOutcome {
  result: ConnectResult
  /** False when the server already had a credential and it was reused. */
  created: boolean
}

/** The pulls and GGUF imports running on the local servers, and their actions. */
export interface LocalJobs {
  pulls: Record<string, PullEntry>
  imports: Record<string, ImportEntry>

  startPull: (baseUrl: string, model: string) => Promise<string>
  cancelPull: (jobId: string) => Promise<void>
  dismissPull: (jobId: string) => void
  applyProgress: (p: PullProgress) => void
  /** Merges what main knows about pulls (started or ended while this page was closed). */
  loadActivePulls: () => Promise<void>
  /** Starts a GGUF import; rejects with the validation error when the file is refused. */
  startImport: (baseUrl: string, path: string, name: string) => Promise<string>
  cancelImport: (jobId: string) => Promise<void>
  dismissImport: (jobId: string) => void
  applyImportProgress: (p: ImportProgress) => void
  /** Merges what main knows about imports (started or ended while this page was closed). */
  loadActiveImports: () => Promise<void>
}

export interface LocalState extends LocalJobs {
  detectStatus: LoadStatus
  detect: DetectResult | null
  detectError: ErrorBody | null
  /** A scan is running (also the background ones, which keep the old result on screen). */
  scanning: boolean
  lastScanAt: number | null
  targets: string[]
  library: Record<string, LibraryState>
  machine: MachineInfo | null
  recommended: {
    baseUrl: string
    status: LoadStatus
    result: RecommendedResult | null
    error: ErrorBody | null
  } | null

  scan: () => Promise<void>
  /** Refreshes the credentials cache (which servers are connected); a failure keeps the last list. */
  loadCredentials: () => Promise<void>
  loadTargets: () => Promise<void>
  addTarget: (baseUrl: string) => Promise<void>
  removeTarget: (baseUrl: string) => Promise<void>
  /** `apiKey` (a server that wants one) goes straight to main; the store never keeps it. */
  connect: (
    baseUrl: string,
    autoAssignDefaults: boolean,
    apiKey?: string,
  ) => Promise<ConnectOutcome>
  loadLibrary: (baseUrl: string, quiet?: boolean) => Promise<void>
  removeModel: (baseUrl: string, model: string) => Promise<void>
  unloadModel: (baseUrl: string, model: string) => Promise<void>
  loadMachine: () => Promise<void>
  loadRecommended: (baseUrl: string, quiet?: boolean) => Promise<void>
  /** A view shows servers and jobs (the Local page, the first run); returns the unwatch. */
  watch: () => () => void
  /** Event bridge: `credentials:changed` — re-reads which servers are connected while watched. */
  onCredentialsChanged: () => void
  /** Event bridge: `local:pullProgress`, applied while watched (a later view loads the snapshot). */
  onPullProgress: (p: PullProgress) => void
  /** Event bridge: `local:importProgress`, applied while watched. */
  onImportProgress: (p: ImportProgress) => void
}
