// Demo data for the screenshots, created through the IPC contract (grows as features land).
type Call = (channel: string, payload: unknown) => Promise<unknown>

/** Seeds the demo; returns a cleanup for anything it started. */
export async function seedDemo(_call: Call): Promise<() => Promise<void>> {
  return async () => undefined
}
