/** The list view: the search box filters it, and every row of a 6,000-node trace is reachable by scrolling. */
import { expect, test } from '@playwright/test';
import { tracesBySize } from './api.ts';
import { largeTrace } from './stores.ts';

test('the search box filters the list view', async ({ page, request }) => {
  const [demo] = await tracesBySize(request);
  await page.goto(`/traces/${encodeURIComponent(demo!.id)}?view=list`);
  const table = page.getByRole('table');
  await expect(table.locator('caption')).toContainText(/[\d,]+ nodes/);
  const search = page.getByRole('searchbox');
  await search.fill('Pusher');
  await table.locator('caption').click();
  await expect(table.locator('caption')).toContainText('matching “Pusher”');
  const types = await table.locator('tbody tr td:nth-child(5)').allTextContents();
  expect(types.length).toBeGreaterThan(0);
  for (const type of types) expect(type).toMatch(/Pusher/i);
  await expect(page).toHaveURL(/q=Pusher/);
});

test('every row of a 6,000-node trace is reachable in the list view', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  const large = await largeTrace(request, 380);
  const total = large.executions + large.artifacts;
  await page.goto(`/traces/${encodeURIComponent(large.id)}?view=list`);
  const table = page.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  // Only the rows in view are in the DOM.
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(100);

  // Scroll to the end with the mouse wheel over the list.
  const list = page.getByTestId('node-list');
  const box = (await list.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const lastRow = table.locator(`tbody tr[aria-rowindex="${total + 1}"]`);
  for (let i = 0; i < 400 && !(await lastRow.isVisible()); i++) await page.mouse.wheel(0, 20_000);
  await expect(lastRow).toBeInViewport();
  await page.screenshot({ path: info.outputPath('list-end.png') });

  // The last row opens its node like any other.
  await lastRow.getByRole('button').click();
  await expect(page).toHaveURL(/node=[ea]\d+/);
});
