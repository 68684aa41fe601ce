import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { getJson, trainWasteModel, waitForCorpus } from './api.ts';

/** The DOM global the in-page code reads (the e2e project has no DOM typings). */
interface PageGlobals {
  readonly history: { readonly length: number };
}

interface OperatingPoint {
  threshold: number;
  freshness: number;
  waste: number;
  pushedLost: number;
  confusion: {
    truePositives: number;
    falsePositives: number;
    trueNegatives: number;
    falseNegatives: number;
  };
  skipped: { traceId: string; trainer: number }[];
}

/** Model, variant and threshold from the page's URL. */
function urlState(page: Page) {
  const params = new URL(page.url()).searchParams;
  return {
    model: params.get('model') ?? '',
    variant: params.get('variant') ?? 'RF:Input+Pre',
    t: params.get('t'),
  };
}

/** The server's operating point for what the page's URL says. */
async function apiPoint(page: Page, threshold: number): Promise<OperatingPoint> {
  const { model, variant } = urlState(page);
  const query = `variant=${encodeURIComponent(variant)}&threshold=${threshold}`;
  return getJson<OperatingPoint>(
    page.request,
    `/api/waste/models/${encodeURIComponent(model)}/operating-point?${query}`,
  );
}

/** Checks that the numbers shown for the slider's threshold are the API's operating point. */
async function expectShownEqualsApi(page: Page) {
  const slider = page.getByRole('slider');
  const threshold = Number(await slider.getAttribute('aria-valuenow'));
  await expect.poll(() => urlState(page).t).toBe(String(threshold));
  const api = await apiPoint(page, threshold);
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
  expect(await value('op-freshness')).toBeCloseTo(api.freshness, 9);
  expect(await value('op-waste')).toBeCloseTo(api.waste, 9);
  expect(await value('op-lost')).toBe(api.pushedLost);
  expect(await value('op-skipped')).toBe(api.skipped.length);
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix.locator('[data-cell="tp"]')).toHaveText(String(api.confusion.truePositives));
  await expect(matrix.locator('[data-cell="fn"]')).toHaveText(String(api.confusion.falseNegatives));
  await expect(matrix.locator('[data-cell="fp"]')).toHaveText(String(api.confusion.falsePositives));
  await expect(matrix.locator('[data-cell="tn"]')).toHaveText(String(api.confusion.trueNegatives));
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  await expect(page.getByTestId('op-freshness')).toHaveText(percent(api.freshness));
  await expect(page.getByTestId('op-waste')).toHaveText(percent(api.waste));
  return { threshold, api };
}

test('train, move the threshold by keyboard and mouse, reload, show on trace', async ({ page }) => {
  test.setTimeout(180_000);
  await waitForCorpus(page.request);
  await page.goto('/waste');
  await expect(page.getByRole('heading', { name: 'Waste', level: 1 })).toBeVisible();

  // Train all seven variants with few trees; the progress bar follows the jobs.
  await page.getByLabel('Trees per forest').fill('8');
  await page.getByRole('button', { name: 'Train on corpus' }).click();
  await expect(page.getByText(/Trained all seven variants/)).toBeVisible({ timeout: 120_000 });
  await expect.poll(() => urlState(page).model).toMatch(/^wm-/);

  // Table 3: seven variants, ours beside the paper's.
  const table = page.locator('table.waste-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expect(table).not.toContainText('not trained');
  await expect(table.locator('tr[data-variant="RF:Input+Pre"]')).toContainText('.801');
  await expect(page.locator('figure.waste-figure')).toHaveCount(2);

  // Keyboard: Home (the lowest threshold on the curve, which depends on the corpus: other tests
  // upload stores with a fresh seed), then three steps up, each to the next distinct threshold.
  const slider = page.getByRole('slider');
  const lowest = await slider.getAttribute('aria-valuemin');
  expect(lowest).toMatch(/^\d/);
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', String(lowest));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  const afterKeys = await expectShownEqualsApi(page);
  expect(afterKeys.threshold).toBeGreaterThan(Number(lowest));
  await page.keyboard.press('PageUp');
  const afterPage = await expectShownEqualsApi(page);
  expect(afterPage.threshold).toBeGreaterThan(afterKeys.threshold);

  // Mouse: drag the marker down and left along the curve, past the plot's origin: it follows the
  // nearest curve point, ending at the highest threshold (least waste, most skipped). The URL is
  // replaced while dragging, so the history does not grow.
  const highest = Number(await slider.getAttribute('aria-valuemax'));
  expect(highest).toBeGreaterThan(afterPage.threshold);
  const historyBefore = await page.evaluate(
    () => (globalThis as unknown as PageGlobals).history.length,
  );
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.locator('circle').first().boundingBox();
  if (box === null) throw new Error('no marker');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x - i * 60, y + i * 60);
  await page.mouse.up();
  const afterDrag = await expectShownEqualsApi(page);
  expect(afterDrag.threshold).toBe(highest);
  expect(afterDrag.api.waste).toBeLessThan(afterPage.api.waste);
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).history.length)).toBe(
    historyBefore,
  );
  const url = page.url();

  // Reload the URL with its threshold: same marker, same numbers.
  await page.goto(url);
  await expect(page.getByRole('slider')).toHaveAttribute(
    'aria-valuenow',
    String(afterDrag.threshold),
  );
  await expectShownEqualsApi(page);

  // "Show on trace" opens the trace with the skipped graphlets marked.
  const link = page.getByRole('link', { name: 'Show on trace' }).first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/traces\/[^?]+\?skip=/);
  const traceId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  const skipped = afterDrag.api.skipped.filter((g) => g.traceId === traceId);
  expect(skipped.length).toBeGreaterThan(0);
  await expect(page.getByTestId('skip-notice')).toContainText(`${skipped.length} test graphlet`);
  await expect(page.locator('.timeline button[data-skipped]')).toHaveCount(skipped.length);
  for (const g of skipped) {
    await expect(page.locator(`.timeline button[data-trainer="${g.trainer}"]`)).toHaveAttribute(
      'data-skipped',
      'true',
    );
  }
});

test('a threshold in the URL is read back, and a bad one falls back', async ({ page }) => {
  test.setTimeout(180_000);
  const model = await trainWasteModel(page.request);
  await page.goto(`/waste?model=${model}&variant=RF%3AValidation&t=0.5`);
  await expect(page.getByRole('slider')).toHaveAttribute('aria-valuenow', '0.5');
  await expectShownEqualsApi(page);

  // "Export policy" downloads the policy of this variant at this threshold.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export policy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`skip-policy-${model}-RF-Validation-0.5.json`);
  const path = await file.path();
  const policy = JSON.parse(await readFile(path, 'utf8'));
  expect(policy).toMatchObject({ variant: 'RF:Validation', threshold: 0.5 });
  await page.goto(`/waste?model=${model}&t=7`);
  await expect(page.getByRole('slider')).toBeVisible();
  expect(Number(await page.getByRole('slider').getAttribute('aria-valuenow'))).toBeLessThanOrEqual(
    1,
  );
});

test('each keyboard step shows the operating point of its threshold (speed: bench/src/web-bench.ts)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const model = await trainWasteModel(page.request);
  await page.goto(`/waste?model=${model}`);
  const slider = page.getByRole('slider');
  await slider.focus();
  await page.keyboard.press('Home');
  const highest = Number(await slider.getAttribute('aria-valuemax'));
  let previous = Number(await slider.getAttribute('aria-valuemin'));
  await expect(slider).toHaveAttribute('aria-valuenow', String(previous));
  for (let step = 0; step < 4 && previous < highest; step++) {
    await page.keyboard.press('ArrowRight');
    await expect(slider).not.toHaveAttribute('aria-valuenow', String(previous));
    const { threshold } = await expectShownEqualsApi(page);
    expect(threshold).toBeGreaterThan(previous);
    previous = threshold;
  }
  expect(previous).toBeGreaterThan(Number(await slider.getAttribute('aria-valuemin')));
});

test('a model is deleted from the Waste page after a confirmation', async ({ page }) => {
  test.setTimeout(180_000);
  const model = await trainWasteModel(page.request);
  await page.goto(`/waste?model=${model}`);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue(model);
  await page.getByRole('button', { name: `Delete model ${model}…` }).click();
  await expect(page.getByText(`Delete model ${model}?`)).toBeVisible();
  await page.screenshot({ path: 'test-results/waste-delete-model.png' });
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText(`Delete model ${model}?`)).toBeHidden();
  expect((await page.request.get(`/api/waste/models/${model}`)).status()).toBe(404);
  await expect(page.locator('option', { hasText: model })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('model')).toBeNull();
});
