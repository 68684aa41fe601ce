import { expect, test } from '@playwright/test';
import { graphletNodeIds, graphletsOf, tracesBySize } from './api.ts';
import type { HookGlobal } from './pages/cy-lite.ts';

test('the graphlet page draws the graphlet alone and walks to the next one', async ({
  page,
  request,
}, info) => {
  const [trace] = await tracesBySize(request);
  const graphlets = await graphletsOf(request, trace!.id);
  const [, second, third] = graphlets;
  await page.goto(`/traces/${encodeURIComponent(trace!.id)}/graphlets/${second!.trainer}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`trainer ${second!.trainer}`);
  await page.waitForFunction(
    () => ((globalThis as unknown as HookGlobal).__graphletExplorer?.cy.nodes().length ?? 0) > 0,
  );
  const drawn = await page.evaluate(() =>
    (globalThis as unknown as HookGlobal)
      .__graphletExplorer!.cy.nodes()
      .map((n: { id(): string }) => n.id())
      .sort(),
  );
  expect(drawn).toEqual(await graphletNodeIds(request, trace!.id, second!.trainer));
  await expect(
    page.getByRole('heading', { name: 'Changes since the previous graphlet' }),
  ).toBeVisible();
  await expect(page.getByText('Span Jaccard vs previous')).toBeVisible();
  await page.screenshot({ path: info.outputPath('graphlet.png') });

  await page.getByRole('link', { name: /Next graphlet/ }).click();
  await expect(page).toHaveURL(new RegExp(`/graphlets/${third!.trainer}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`trainer ${third!.trainer}`);
});
