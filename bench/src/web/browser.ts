/**
 * Headless Chromium through the e2e package's Playwright (bench lists no dependency of its own),
 * typed by the few calls the benchmark makes.
 */
import { createRequire } from 'node:module';
import { CHROMIUM_LAUNCH } from '../../../e2e/chromium.ts';

/** The part of Playwright's Page the benchmark uses. */
export interface BenchPage {
  goto(url: string): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  waitForFunction(expression: string, arg: null, options: { timeout: number }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
  locator(selector: string): {
    first(): ReturnType<BenchPage['locator']>;
    click(): Promise<void>;
    focus(): Promise<void>;
    waitFor(options: { state: 'visible'; timeout: number }): Promise<void>;
  };
  keyboard: { press(key: string): Promise<void> };
  close(): Promise<void>;
}

/** The part of Playwright's Browser the benchmark uses. */
export interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<{
    addInitScript(script: string): Promise<void>;
    newPage(): Promise<BenchPage>;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

const require = createRequire(new URL('../../../e2e/package.json', import.meta.url));

/** Launches Debian's Chromium (or CHROMIUM_PATH) headless, as the e2e tests do. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = require('@playwright/test') as {
    chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
  };
  return chromium.launch(CHROMIUM_LAUNCH);
}
