/**
 * Where the trace canvas looks: jumping to a node centres on that node (search and side-panel
 * links), Fit frames what is visible and G frames the selected graphlet, and filters say how many
 * nodes they hide, refit, and clear.
 */
import { expect, test } from '@playwright/test';
import { graphletNodeIds, graphletsOf, tracesBySize } from './api.ts';
import { TracePage } from './pages/trace-page.ts';

test('jumping to a node centres the view on the node asked for', async ({
  page,
  request,
}, info) => {
  const trace = new TracePage(page);
  await trace.openDemo(request);

  // Search, then choose a result with the mouse: one far to the right of the start.
  const search = page.getByRole('searchbox');
  await search.click();
  await search.fill('Pusher');
  const results = page.getByRole('list', { name: 'Matching nodes' }).getByRole('button');
  await expect(results.first()).toBeVisible();
  const last = results.last();
  const target = (await last.locator('.mono').textContent())!.trim();
  await last.click();
  await expect(page).toHaveURL(new RegExp(`node=${target}`));
  await trace.settle();
  expect(await trace.distanceFromCentre(target)).toBeLessThan(12);

  // A second jump through the side panel's input link centres on the new node, not the old one.
  const link = trace.details.getByRole('list').first().getByRole('button').first();
  const input = (await link.getAttribute('data-node'))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`node=${input}(&|$)`));
  await trace.settle();
  expect(await trace.distanceFromCentre(input)).toBeLessThan(12);
  await page.screenshot({ path: info.outputPath('jumped.png') });

  // Enter in the search box jumps to the first result.
  await search.fill(target);
  await search.press('Enter');
  await trace.settle();
  expect(await trace.distanceFromCentre(target)).toBeLessThan(12);
});

test('Fit frames what is visible; G and the frame button frame the selected graphlet', async ({
  page,
  request,
}, info) => {
  const [demo] = await tracesBySize(request);
  const graphlets = await graphletsOf(request, demo!.id);
  const chosen = graphlets[Math.floor(graphlets.length / 2)]!;
  const members = await graphletNodeIds(request, demo!.id, chosen.trainer);
  const trace = new TracePage(page);
  await trace.open(demo!.id);
  await trace.graphletButton(chosen.trainer).click();
  await trace.expectSelected(chosen.trainer);
  await trace.settle();

  await page.getByRole('button', { name: 'Fit to screen' }).click();
  await trace.settle();
  const fitted = await trace.framing();
  expect(fitted.inside).toBe(true);
  expect(fitted.fill).toBeGreaterThan(0.8);
  await page.screenshot({ path: info.outputPath('fit.png') });

  await page.locator('h1').click();
  await page.keyboard.press('g');
  await trace.settle();
  const framed = await trace.framing(members);
  expect(framed.inside).toBe(true);
  expect(framed.fill).toBeGreaterThan(0.3);
  const graphletZoom = (await trace.viewport()).zoom;

  await page.keyboard.press('f');
  await trace.settle();
  expect((await trace.viewport()).zoom).toBeLessThan(graphletZoom);
  expect((await trace.framing()).inside).toBe(true);

  await page.getByRole('button', { name: 'Frame the selected graphlet' }).click();
  await trace.settle();
  expect((await trace.framing(members)).inside).toBe(true);
  await page.screenshot({ path: info.outputPath('framed-graphlet.png') });
});

test('filters say how many nodes they hide, refit to what is left, and clear', async ({
  page,
  request,
}, info) => {
  const trace = new TracePage(page);
  await trace.openDemo(request);
  const total = (await trace.visibleNodeIds()).length;
  const status = page.getByTestId('filter-status');
  await expect(status).toHaveCount(0);

  await page.getByRole('button', { name: 'Trainer', exact: true }).click();
  await expect(status).toContainText(/Filters hide [\d,]+ of [\d,]+ nodes \(roles Trainer\)/);
  await trace.settle();
  const trainers = await trace.visibleNodeIds();
  expect(trainers.length).toBeLessThan(total);
  const framed = await trace.framing();
  expect(framed.inside).toBe(true);
  expect(framed.fill).toBeGreaterThan(0.8);
  await page.screenshot({ path: info.outputPath('filtered.png') });

  // A window before the trace's first day leaves nothing: the page says so.
  await page.getByLabel('To', { exact: true }).fill('2000-01-01');
  await expect(status).toContainText('No node passes the filters');
  expect(await trace.visibleNodeIds()).toEqual([]);
  await page.screenshot({ path: info.outputPath('filtered-empty.png') });

  await status.getByRole('button', { name: 'Clear filters' }).click();
  await expect(status).toHaveCount(0);
  await expect(page).not.toHaveURL(/roles=|to=/);
  expect((await trace.visibleNodeIds()).length).toBe(total);
});
