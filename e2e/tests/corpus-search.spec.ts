/**
 * The header's corpus-wide search, by keyboard and by mouse: typing finds nodes of every trace,
 * arrow keys move through the results, Enter (or a click) opens the node on its trace, centred.
 */
import { expect, type Page, test } from '@playwright/test';
import { tracesBySize } from './api.ts';
import { TracePage } from './pages/trace-page.ts';
import { fixtureTrace } from './stores.ts';

/** Tabs from the top of the page until the corpus search has the focus; fails after 12 stops. */
async function tabToSearch(page: Page) {
  const box = page.getByRole('combobox', { name: 'Search all traces' });
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if (
      await box.evaluate(
        (el) =>
          el ===
          (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument
            .activeElement,
      )
    )
      return box;
  }
  throw new Error('the corpus search is not reachable with Tab');
}

test('keyboard: type a URI part, arrow to a result, Enter opens the node centred on its trace', async ({
  page,
  request,
}, info) => {
  const store = await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
  await page.goto('/figures');
  const box = await tabToSearch(page);
  await page.keyboard.type('Evaluator/blessing');
  const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  await expect(options.filter({ hasText: store.pipeline })).toHaveCount(2);
  await page.screenshot({ path: info.outputPath('search-results.png') });

  // Down to the first hit of the store, checking the active option moves with the keys.
  const first = await options.filter({ hasText: store.pipeline }).first().getAttribute('id');
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await box.getAttribute('aria-activedescendant')) === first) break;
  }
  await expect(box).toHaveAttribute('aria-activedescendant', first!);
  await expect(page.locator(`[id="${first}"]`)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`/traces/${store.id}\\?node=a\\d+`));
  const nodeId = new URL(page.url()).searchParams.get('node')!;
  const trace = new TracePage(page);
  await trace.waitForGraph();
  await trace.settle();
  expect(await trace.distanceFromCentre(nodeId)).toBeLessThan(12);
  await expect(trace.details).toContainText('blessing');
  await page.screenshot({ path: info.outputPath('search-followed.png') });
});

test('mouse: a result on another trace of an open trace page is centred too', async ({
  page,
  request,
}) => {
  const [demo] = await tracesBySize(request);
  const store = await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
  const trace = new TracePage(page);
  await trace.open(demo!.id);
  await trace.settle();
  const box = page.getByRole('combobox', { name: 'Search all traces' });
  await box.click();
  await box.fill('ab');
  await expect(page.getByRole('status').filter({ hasText: 'at least 3' })).toBeVisible();
  // A pipeline name finds the pipeline first; a common word says that more match than shown.
  await box.fill(store.pipeline.slice(0, 20));
  await expect(page.getByRole('option').first()).toContainText('pipeline');
  await box.fill('Trainer');
  await expect(page.getByRole('status')).toContainText(/20 results shown; more match/);
  await box.fill('Evaluator/blessing/11');
  const option = page.getByRole('option').filter({ hasText: store.pipeline }).first();
  await option.hover();
  await option.click();
  await expect(page).toHaveURL(new RegExp(`/traces/${store.id}\\?node=a\\d+`));
  const nodeId = new URL(page.url()).searchParams.get('node')!;
  await trace.waitForGraph();
  await trace.settle();
  expect(await trace.distanceFromCentre(nodeId)).toBeLessThan(12);
});

test("a search the server gives up on shows the server's words; a lost connection says it failed", async ({
  page,
}, info) => {
  // Only PostgreSQL at scale gives up on a search (past 5 s), so its answer is played back here,
  // word for word as the route answers it (apps/server/src/routes/search-too-broad.test.ts).
  const message =
    'search: "~~~" took longer than 5 s, reading nearly every node: give it more letters or digits to narrow by';
  await page.route('**/api/search?q=~~~*', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'bad_request', message } }),
    }),
  );
  await page.route('**/api/search?q=lost*', (route) => route.abort('connectionreset'));
  await page.goto('/figures');
  const box = page.getByRole('combobox', { name: 'Search all traces' });
  const at = (await box.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  await page.keyboard.type('~~~');
  const status = page.getByRole('status').filter({ hasText: 'search:' });
  await expect(status).toHaveText(message);
  await page.screenshot({ path: info.outputPath('search-too-broad.png') });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('lost');
  await expect(page.getByRole('status').filter({ hasText: 'Search failed.' })).toBeVisible();
});
