/** Every page has its own tab title; unknown addresses get a not-found page; counts use correct plurals. */
import { expect, test } from '@playwright/test';
import { tracesBySize } from './api.ts';
import { fixtureTrace } from './stores.ts';

test('an unknown address shows a not-found page with ways back', async ({ page }, info) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('/no/such/page')).toBeVisible();
  await expect(page.getByText('null')).toHaveCount(0);
  await expect(page).toHaveTitle('Page not found · Graphlet Explorer');
  await page.screenshot({ path: info.outputPath('not-found.png') });
  await page.getByRole('main').getByRole('link', { name: 'Corpus' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('page titles name the page, and the trace page names its trace', async ({ page, request }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Corpus · Graphlet Explorer');
  await page.goto('/figures');
  await expect(page).toHaveTitle('Figures · Graphlet Explorer');
  await page.goto('/waste');
  await expect(page).toHaveTitle('Waste · Graphlet Explorer');
  const [demo] = await tracesBySize(request);
  await page.goto(`/traces/${encodeURIComponent(demo!.id)}`);
  await expect(page).toHaveTitle(`${demo!.pipeline} · Trace · Graphlet Explorer`);
});

test('a source with one trace says "1 trace"', async ({ page, request }, info) => {
  const trace = await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
  await page.goto('/');
  const item = page.locator('.source-list li', { hasText: 'tfx-1.15-interactive-two-trainers' });
  await expect(item).toContainText('1 trace ·');
  await expect(item).not.toContainText('1 traces');
  await page.screenshot({ path: info.outputPath('corpus-plurals.png') });
  expect(trace.pipeline).not.toBe('');
});
