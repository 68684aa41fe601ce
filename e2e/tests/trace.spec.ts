import { expect, test } from '@playwright/test';
import { graphletNodeIds, graphletsOf, tracesBySize } from './api.ts';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';

test.describe('trace page', () => {
  test('selecting a graphlet lights exactly its nodes, and the keyboard steps through graphlets', async ({
    page,
    request,
  }, info) => {
    const [trace] = await tracesBySize(request);
    const graphlets = await graphletsOf(request, trace!.id);
    expect(graphlets.length).toBeGreaterThan(2);
    const trace1 = new TracePage(page);
    await trace1.open(trace!.id);

    const second = graphlets[1]!;
    await trace1.graphletButton(second.trainer).click();
    await trace1.expectSelected(second.trainer);
    expect(await trace1.nodesWithClass('lit')).toEqual(
      await graphletNodeIds(request, trace!.id, second.trainer),
    );
    await page.screenshot({ path: info.outputPath('trace-graphlet.png') });

    await page.locator('body').press('ArrowRight');
    await trace1.expectSelected(graphlets[2]!.trainer);
    expect(await trace1.nodesWithClass('lit')).toEqual(
      await graphletNodeIds(request, trace!.id, graphlets[2]!.trainer),
    );
    await page.locator('body').press('[');
    await trace1.expectSelected(second.trainer);
  });

  test('clicking a trainer opens its panel and selects its graphlet; a deep link reloads', async ({
    page,
    request,
  }, info) => {
    const tracePage = new TracePage(page);
    const trace = await tracePage.openDemo(request);
    const [trainerNode] = await tracePage.nodesOnScreen({ role: 'trainer' });
    expect(trainerNode).toBeDefined();
    const trainer = trainerNode!.slice(1);

    await tracePage.clickNode(trainerNode!);
    await expect(tracePage.details.getByTestId('node-id')).toHaveText(trainerNode!);
    await expect(tracePage.details).toContainText('Trainer');
    await expect(page).toHaveURL(new RegExp(`node=${trainerNode}`));
    await expect(page).toHaveURL(new RegExp(`g=${trainer}`));

    await page.reload();
    await tracePage.waitForGraph();
    await expect(tracePage.details.getByTestId('node-id')).toHaveText(trainerNode!);
    await page.waitForFunction(
      () => (globalThis as unknown as HookGlobal).__graphletExplorer!.cy.nodes('.lit').length > 0,
    );
    expect(await tracePage.nodesWithClass('lit')).toEqual(
      await graphletNodeIds(request, trace.id, Number(trainer)),
    );
    await page.screenshot({ path: info.outputPath('trace-deep-link.png') });
  });

  test('the list view and role filter are kept in the URL', async ({ page, request }, info) => {
    const [trace] = await tracesBySize(request);
    await page.goto(`/traces/${encodeURIComponent(trace!.id)}?view=list&roles=trainer`);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.nth(1)).toContainText('Trainer');
    await expect(page.getByRole('button', { name: /Trainer/, pressed: true })).toBeVisible();
    await page.screenshot({ path: info.outputPath('trace-list.png') });
  });
});
