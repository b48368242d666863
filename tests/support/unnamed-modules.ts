/**
 * Modules of main, preload and the CLI that no test names yet (see
 * tests/unit/every-module-named.test.ts). Most are driven by a test through a bigger entry point
 * (a handler through the IPC harness, a contract file through the contract's index); each line
 * leaves when a test names its module. The list only shrinks.
 */
export const UNNAMED_MODULES: readonly string[] = []
