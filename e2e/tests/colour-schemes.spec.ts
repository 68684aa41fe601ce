/**
 * The Figures and Waste pages in both colour schemes (issue 12): page, chart axes, grid and text
 * follow prefers-color-scheme; screenshots of the Trace, Graphlet, Figures and Waste pages on the
 * demo corpus and on a store with failed trainers, for a person to look at.
 */
import { expect, type Page, test } from '@playwright/test';
import { graphletsOf, tracesBySize, trainWasteModel } from './api.ts';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';
import { failedTrainersStore } from './stores.ts';

/** Relative luminance (WCAG) of a CSS rgb() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The computed colours of the page background, a chart tick label, a grid line and an axis line. */
async function chartColours(page: Page) {
  return page.evaluate(() => {
    const style = (selector: string) => {
      const el = (
        globalThis as unknown as { document: { querySelector(s: string): unknown } }
      ).document.querySelector(selector);
      return el === null
        ? null
        : (
            globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
          ).getComputedStyle(el);
    };
    return {
      background: style('html')?.backgroundColor ?? '',
      tick: style('.recharts-cartesian-axis-tick-value')?.fill ?? '',
      grid: style('.recharts-cartesian-grid line')?.stroke ?? '',
      axis: style('.recharts-cartesian-axis-line')?.stroke ?? '',
    };
  });
}

/** Light text on a dark page in dark, dark on light in light; grid and axis visible on the page. */
async function expectScheme(page: Page, scheme: 'light' | 'dark') {
  await expect(page.locator('.recharts-cartesian-axis-tick-value').first()).toBeVisible();
  const c = await chartColours(page);
  const bg = luminance(c.background);
  const tick = luminance(c.tick);
  if (scheme === 'dark') {
    expect(bg).toBeLessThan(0.05);
    expect(tick).toBeGreaterThan(0.4);
  } else {
    expect(bg).toBeGreaterThan(0.8);
    expect(tick).toBeLessThan(0.1);
  }
  // Text contrast of tick labels against the page: at least 4.5:1.
  const [hi, lo] = tick > bg ? [tick, bg] : [bg, tick];
  expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThan(4.5);
  for (const line of [c.grid, c.axis]) expect(Math.abs(luminance(line) - bg)).toBeGreaterThan(0.02);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the Figures and Waste pages follow the ${scheme} scheme`, async ({
    page,
    request,
  }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    const [demo] = await tracesBySize(request);
    const failed = await failedTrainersStore(request);
    await page.goto(`/figures?traces=${encodeURIComponent(demo!.id)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Figures' })).toBeVisible();
    await expectScheme(page, scheme);
    await page.screenshot({ path: info.outputPath(`figures-demo-${scheme}.png`) });
    await page.getByRole('heading', { name: /Figure 9\(a\)/ }).scrollIntoViewIfNeeded();
    await expect(page.locator('.recharts-cartesian-axis-tick-value').nth(20)).toBeVisible();
    await page.screenshot({ path: info.outputPath(`figures-demo-9-${scheme}.png`) });
    await page.goto(`/figures?traces=${encodeURIComponent(failed.id)}`);
    await expect(page.getByText('Failed trainers', { exact: true })).toBeVisible();
    await page.screenshot({ path: info.outputPath(`figures-failed-${scheme}.png`) });

    await trainWasteModel(request);
    await page.goto('/waste');
    await expect(page.getByRole('table', { name: /Table 3/ })).toBeVisible();
    await expectScheme(page, scheme);
    await page.screenshot({ path: info.outputPath(`waste-${scheme}.png`) });
    await page
      .getByText(/Figure 10\(a\)/)
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`waste-curves-${scheme}.png`) });
  });
}

test('screenshots of the Trace and Graphlet pages on the demo and the failed-trainer store', async ({
  page,
  request,
}, info) => {
  const [demo] = await tracesBySize(request);
  const failed = await failedTrainersStore(request);
  for (const [name, trace] of [
    ['demo', demo!],
    ['failed', failed],
  ] as const) {
    const gs = await graphletsOf(request, trace.id);
    const pick = gs[Math.min(1, gs.length - 1)]!;
    const tracePage = new TracePage(page);
    await tracePage.open(trace.id, `?g=${pick.trainer}`);
    await tracePage.expectSelected(pick.trainer);
    await expect(page.getByRole('heading', { name: /Why (not )?pushed\?/ })).toBeVisible();
    await page.screenshot({ path: info.outputPath(`trace-${name}.png`) });
    await page.goto(`/traces/${encodeURIComponent(trace.id)}/graphlets/${pick.trainer}`);
    await expect(page.getByRole('heading', { name: /Why (not )?pushed\?/ })).toBeVisible();
    await page.waitForFunction(
      () => ((globalThis as unknown as HookGlobal).__graphletExplorer?.cy.nodes().length ?? 0) > 0,
    );
    await page.screenshot({ path: info.outputPath(`graphlet-${name}.png`), fullPage: true });
  }
});
