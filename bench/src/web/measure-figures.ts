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
      // Locators, not a string function: the page's CSP (script-src 'self') forbids string eval.
      const found = await page
        .locator('section.figure-panel[data-rendered="true"] svg')
        .first()
        .waitFor({ timeout: 60_000 })
        .then(() => page.locator('.figures-page[aria-busy="true"]').waitFor({ state: 'detached' }))
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

/** Trains the four main variants with few trees over the whole corpus; resolves to the model id. */
async function trainWasteModel(url: string): Promise<string> {
  const response = await fetch(`${url}/api/waste/train`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trees: 20, seed: 1 }),
  });
  const { job } = (await response.json()) as { job: { id: string } };
  for (;;) {
    const state = (await (await fetch(`${url}/api/jobs/${job.id}`)).json()) as { state: string };
    if (state.state === 'failed') {
      throw new Error(`web-bench: training failed ${JSON.stringify(state)}`);
    }
    if (state.state === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { models } = (await (await fetch(`${url}/api/waste/models`)).json()) as {
    models: { id: string; jobId: string }[];
  };
  const model = models.find((m) => m.jobId === job.id);
  if (model === undefined) throw new Error('web-bench: the trained model is not listed');
  return model.id;
}

/**
 * In-page: press a key on the focused slider; `updateMs` runs until the shown operating point
 * (`[data-testid="op-threshold"]`) changes, `frameMs` until the next frame after the key.
 */
const STEP_SCRIPT = `(key) => new Promise((resolve) => {
  const el = document.activeElement;
  const shown = document.querySelector('[data-testid="op-threshold"]');
  const before = shown.textContent;
  const start = performance.now();
  let updateMs;
  const observer = new MutationObserver(() => {
    if (shown.textContent === before || updateMs !== undefined) return;
    updateMs = performance.now() - start;
  });
  observer.observe(shown, { childList: true, characterData: true, subtree: true });
  el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  requestAnimationFrame(() => {
    const frameMs = performance.now() - start;
    setTimeout(() => {
      observer.disconnect();
      resolve({ updateMs: updateMs ?? Number.NaN, frameMs });
    }, 100);
  });
})`;

/** Threshold updates on the Waste page after training a small model: keyboard steps (ms, median). */
export async function measureThreshold(
  browser: Browser,
  url: string,
): Promise<{ runsMs: number[]; ms: number; nextFrameMs: number } | { skipped: string }> {
  const model = await trainWasteModel(url);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAGE_SCRIPT);
  try {
    const page = await context.newPage();
    await page.goto(`${url}/waste?model=${encodeURIComponent(model)}`);
    const slider = page.locator('[role="slider"]').first();
    const shown = await slider
      .waitFor({ state: 'visible', timeout: 60_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return { skipped: 'no threshold slider on /waste' };
    await slider.focus();
    const runsMs: number[] = [];
    const frameMs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const key = i < 5 ? 'ArrowRight' : 'ArrowLeft';
      const step = (await page.evaluate(`(${STEP_SCRIPT})('${key}')`)) as {
        updateMs: number;
        frameMs: number;
      };
      runsMs.push(Math.round(step.updateMs * 10) / 10);
      frameMs.push(Math.round(step.frameMs * 10) / 10);
    }
    return { runsMs, ms: median(runsMs), nextFrameMs: median(frameMs) };
  } finally {
    await context.close();
  }
}
