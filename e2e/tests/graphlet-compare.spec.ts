/**
 * Comparing any two graphlets: picked on the graphlet page with the keyboard or the pointer, shown
 * side by side at a URL of their own (inputs, spans, code, hyperparameters, metrics, the diff).
 */
import { expect, test } from '@playwright/test';
import { graphletsOf, tracesBySize } from './api.ts';
import { fixtureTrace } from './stores.ts';

test('keyboard: pick a graphlet far from this one and compare them side by side', async ({
  page,
  request,
}, info) => {
  const [trace] = await tracesBySize(request);
  const graphlets = await graphletsOf(request, trace!.id);
  const current = graphlets[5]!;
  const far = graphlets[40]!;
  await page.goto(`/traces/${encodeURIComponent(trace!.id)}/graphlets/${current.trainer}`);
  const picker = page.getByLabel('Compare with');
  // The previous graphlet is chosen first; any other is one select away.
  await expect(picker).toHaveValue(String(graphlets[4]!.trainer));
  await picker.focus();
  await picker.selectOption(String(far.trainer));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(
    new RegExp(`/compare\\?a=${encodeURIComponent(`${trace!.id}:${far.trainer}`)}&b=`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare graphlets');
  for (const title of ['Inputs', 'Input spans', 'Code', 'Hyperparameters', 'Metrics'])
    await expect(
      page.getByRole('heading', { level: 2, name: new RegExp(`^${title}`) }),
    ).toBeVisible();
  // 35 graphlets apart, the rolling window of spans has moved on: spans differ, and it says so.
  await expect(page.getByTestId('compare-summary')).toContainText(/\d+ differences?/);
  await expect(page.getByTestId('span-diff')).toContainText(/Only in B \(\d+\)/);
  expect(await page.locator('tr[data-status="changed"]').count()).toBeGreaterThan(0);
  await page.screenshot({ path: info.outputPath('compare.png'), fullPage: true });

  // Swap with the pointer; the URL (and so the page) is the comparison.
  await page.getByRole('link', { name: /Swap A and B/ }).click();
  await expect(page).toHaveURL(
    new RegExp(`a=${encodeURIComponent(`${trace!.id}:${current.trainer}`)}`),
  );
  await page.reload();
  await expect(page.getByTestId('compare-summary')).toBeVisible();
});

test('pointer: the two Trainer runs of a real TFX store differ in their training args', async ({
  page,
  request,
}, info) => {
  const store = await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
  const [first, second] = await graphletsOf(request, store.id);
  await page.goto(`/traces/${encodeURIComponent(store.id)}/graphlets/${second!.trainer}`);
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(
    `/compare?a=${encodeURIComponent(`${store.id}:${first!.trainer}`)}&b=${encodeURIComponent(`${store.id}:${second!.trainer}`)}`,
  );
  const hyper = page.locator('section', {
    has: page.getByRole('heading', { name: /^Hyperparameters/ }),
  });
  await expect(hyper.locator('tr', { hasText: 'train_args' })).toBeVisible();
  await expect(
    page.locator('section', { has: page.getByRole('heading', { name: 'Code' }) }),
  ).toContainText('module_path');
  await page.screenshot({ path: info.outputPath('compare-tfx.png'), fullPage: true });
});

test('a link that names no two graphlets says so', async ({ page }) => {
  await page.goto('/compare?a=nope');
  await expect(page.getByRole('alert')).toContainText('does not name two graphlets');
});
