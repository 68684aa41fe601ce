/** The graphlet strip is one tab stop with arrow keys inside, and graphlet steps leave Back to leave the trace. */
import { expect, test } from '@playwright/test';
import { graphletsOf, tracesBySize } from './api.ts';
import { TracePage } from './pages/trace-page.ts';

test('the strip takes one Tab; arrows, Home and End move and select inside it', async ({
  page,
  request,
}) => {
  const [demo] = await tracesBySize(request);
  const graphlets = await graphletsOf(request, demo!.id);
  const trace = new TracePage(page);
  await trace.open(demo!.id);

  await page.getByRole('button', { name: 'Next ▶' }).focus();
  await page.keyboard.press('Tab');
  const first = trace.graphletButton(graphlets[0]!.trainer);
  await expect(first).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await trace.expectSelected(graphlets[0]!.trainer);
  await page.keyboard.press('ArrowRight');
  await trace.expectSelected(graphlets[1]!.trainer);
  await expect(trace.graphletButton(graphlets[1]!.trainer)).toBeFocused();
  await page.keyboard.press('End');
  await trace.expectSelected(graphlets.at(-1)!.trainer);
  await expect(trace.graphletButton(graphlets.at(-1)!.trainer)).toBeFocused();
  await page.keyboard.press('Home');
  await trace.expectSelected(graphlets[0]!.trainer);

  // One Tab leaves the strip for the next control, one Shift+Tab comes back to the selected one.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(first).toBeFocused();
});

test('stepping through graphlets does not fill the history: Back leaves the trace', async ({
  page,
  request,
}) => {
  const [demo] = await tracesBySize(request);
  const graphlets = await graphletsOf(request, demo!.id);
  await page.goto('/');
  await page.getByRole('link', { name: demo!.pipeline, exact: true }).click();
  const trace = new TracePage(page);
  await trace.waitForGraph();
  await page.locator('h1').click();
  for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
  await trace.expectSelected(graphlets[4]!.trainer);
  await page.getByRole('button', { name: 'Next ▶' }).click();
  await trace.expectSelected(graphlets[5]!.trainer);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Corpus');
});
