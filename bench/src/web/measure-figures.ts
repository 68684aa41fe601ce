/** Issue 8's numbers: Figures page interactive time, and a threshold update on the Waste page. */
import type { Browser } from './browser.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { median } from './stats.ts';

/** Navigation to the Figures page until its summary and first figure panel are drawn (ms, median). */
export async function measureFigures(
  browser: Browser,
  url: string,
  runs = 3,
): Promise<{ runsMs: number[]; ms: number } | { skipped: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAGE_SCRIPT);
  try {
    const runsMs: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/figures`);
      const ready = `document.querySelector('section.figure-panel[data-rendered="true"] svg') !== null && document.querySelector('.figures-page[aria-busy="true"]') === null`;
      const found = await page
        .waitForFunction(ready, null, { timeout: 60_000 })
        .then(() => true)
        .catch(() => false);
      if (!found) return { skipped: 'no figure panel rendered on /figures' };
      const ms = (await page.evaluate('window.__bench.painted()')) as number;
      if (i > 0) runsMs.push(Math.round(ms)); // run 0 warms the HTTP cache
      await page.close();
    }
    return { runsMs, ms: median(runsMs) };
  } finally {
    await context.close();
  }
}

/** Keyboard steps of the Waste page's threshold slider until the page is painted again (ms, median). */
export async function measureThreshold(
  browser: Browser,
  url: string,
): Promise<{ runsMs: number[]; ms: number } | { skipped: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAGE_SCRIPT);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/waste`);
    const slider = page.locator('input[type="range"]').first();
    const shown = await slider
      .waitFor({ state: 'visible', timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return { skipped: 'no threshold slider on /waste (page or trained model missing)' };
    await slider.focus();
    const runsMs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const done = page.evaluate('window.__bench.afterKey()');
      await page.keyboard.press(i < 5 ? 'ArrowRight' : 'ArrowLeft');
      runsMs.push(Math.round((await done) as number));
    }
    return { runsMs, ms: median(runsMs) };
  } finally {
    await context.close();
  }
}
