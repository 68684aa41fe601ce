import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './chromium.ts';

/**
 * End-to-end tests: the built web app served by the real server on a fresh data folder
 * (the demo corpus loads on first start). Chromium comes from the system (Debian's
 * `chromium`); set CHROMIUM_PATH to use another, or PW_BUNDLED=1 for Playwright's own.
 */
const port = Number(process.env.E2E_PORT ?? 8181);

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: process.env.PW_BUNDLED ? {} : CHROMIUM_LAUNCH,
  },
  webServer: {
    command: `DATA_DIR="$(mktemp -d)" PORT=${port} node --no-warnings=ExperimentalWarning ../apps/server/src/main.ts`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
