/** Headless Chromium through Playwright, launched with the same flags as the e2e tests. */
import { CHROMIUM_LAUNCH } from '@graphlet/e2e/chromium';
import { type Browser, chromium } from '@playwright/test';

export type { Browser };

/** Launches Debian's Chromium (or CHROMIUM_PATH) headless, as the e2e tests do. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}
