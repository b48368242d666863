import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/e2e/harness/chromium-args'
import type { HarnessOptions, HarnessWorkerOptions } from './tests/e2e/harness/fixtures'

export default defineConfig<HarnessOptions, HarnessWorkerOptions>({
  testDir: 'tests/e2e',
  testMatch: /.*\.e2e\.ts$/,
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    trace: 'on-first-retry',
    viewport: { width: 1200, height: 800 },
  },
  projects: [
    {
      name: 'chromium-bridge',
      use: {
        mode: 'bridge',
        workerMode: 'bridge',
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'electron',
      use: { mode: 'electron', workerMode: 'electron' },
    },
  ],
})
