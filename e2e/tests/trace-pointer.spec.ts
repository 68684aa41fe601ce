/**
 * The trace canvas under the real mouse: nodes win the hit test over edges, hover lights the
 * upstream and downstream sets, click opens the node panel; on the demo corpus's largest trace and
 * on a ~6,000-node trace, at the default zoom and zoomed in.
 */
import { expect, type Page, test } from '@playwright/test';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';
import { largeTrace } from './stores.ts';

/** Hovers `nodeId` with the mouse and expects it hovered with a lineage lit around it. */
async function expectHoverLights(trace: TracePage, nodeId: string): Promise<void> {
  await trace.pointAt(nodeId);
  await expect.poll(() => trace.nodesWithClass('hovered')).toEqual([nodeId]);
  const lit = [
    ...(await trace.nodesWithClass('upstream')),
    ...(await trace.nodesWithClass('downstream')),
  ];
  expect(lit.length).toBeGreaterThan(0);
}

/** Clicks `nodeId` with the mouse and expects its panel and the URL to follow. */
async function expectClickOpens(page: Page, trace: TracePage, nodeId: string): Promise<void> {
  await trace.clickNode(nodeId);
  await expect(page).toHaveURL(new RegExp(`[?&]node=${nodeId}(&|$)`));
  await expect(trace.details.getByTestId('node-id')).toHaveText(nodeId);
}

/** A trainer drawn well inside the canvas, else any execution. */
async function trainerOnScreen(trace: TracePage): Promise<string> {
  const [trainer] = await trace.nodesOnScreen({ role: 'trainer' });
  const [execution] = await trace.nodesOnScreen({ kind: 'execution' });
  const id = trainer ?? execution;
  if (id === undefined) throw new Error('no execution on screen at the default zoom');
  return id;
}

async function exercise(page: Page, trace: TracePage, shot: (name: string) => string) {
  const id = await trainerOnScreen(trace);
  await expectHoverLights(trace, id);
  await page.screenshot({ path: shot('hover-default-zoom.png') });
  await trace.pointAway();
  await expect.poll(() => trace.nodesWithClass('hovered')).toEqual([]);
  await expectClickOpens(page, trace, id);

  // Zoomed in with the mouse wheel over the node (Cytoscape zooms about the pointer), up to 4x.
  for (let i = 0; i < 40 && (await trace.viewport()).zoom < 3.9; i++) {
    const p = await trace.nodePoint(id);
    await page.mouse.move(p.x, p.y);
    for (let k = 0; k < 6; k++) await page.mouse.wheel(0, -240);
  }
  await trace.settle();
  expect((await trace.viewport()).zoom).toBeGreaterThan(3.5);
  await trace.pointAway();
  await expectHoverLights(trace, id);
  await page.screenshot({ path: shot('hover-zoomed.png') });
  const [neighbour] = (await trace.nodesOnScreen({}, 30)).filter((n) => n !== id);
  if (neighbour !== undefined) await expectClickOpens(page, trace, neighbour);
  await expectClickOpens(page, trace, id);
}

test('the demo trace: the mouse hovers and clicks nodes at the default zoom and zoomed in', async ({
  page,
  request,
}, info) => {
  const trace = new TracePage(page);
  await trace.openDemo(request);
  await exercise(page, trace, (name) => info.outputPath(name));
});

test('a 6,000-node trace: the mouse hovers and clicks nodes once every edge is drawn', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  const large = await largeTrace(request, 380);
  expect(large.executions + large.artifacts).toBeGreaterThan(5500);
  const trace = new TracePage(page);
  await trace.open(large.id);
  // Edges arrive in chunks after the first frame; the hit test must prefer nodes once they are all in.
  await page.waitForFunction(
    () => {
      const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
      return cy.edges().length > cy.nodes().length;
    },
    null,
    { timeout: 60_000 },
  );
  await page.waitForFunction(
    () => performance.getEntriesByName('graphlet-explorer:edges-added').length > 0,
  );
  await trace.settle();
  await exercise(page, trace, (name) => info.outputPath(name));
});
