/**
 * How many connection tests a test-all runs at once on one host (issue 13): one range and one
 * default for IPC, the tray and the CLI. Plain data, without zod: the CLI's entry checks
 * `--concurrency` with it before any schema library is loaded (issue 17).
 */
export const TEST_ALL_CONCURRENCY = { min: 1, max: 64, default: 8 } as const
