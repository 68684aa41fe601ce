/**
 * A 7,083-node trace (core's syntheticTraceForBench(450), like the paper's largest, §2.1) end to
 * end: uploaded and imported, every node drawn, a graphlet selected by keyboard lights exactly its
 * nodes, and a drag pans the graph by the distance dragged. How fast (2 s to an interactive graph,
 * 100 ms frames) is measured by bench/src/web-bench.ts: tests never fail on speed.
 */
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { expect, test } from '@playwright/test';
import { graphletNodeIds, graphletsOf } from './api.ts';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';
import { largeTrace } from './stores.ts';

test('a 7,083-node trace is drawn whole, selectable by keyboard and pannable', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  const trace = syntheticTraceForBench(450);
  const nodes = trace.executions.length + trace.artifacts.length;
  expect(nodes).toBe(7083);
  const { id } = await largeTrace(request, 450);

  const tracePage = new TracePage(page);
  await page.goto(`/traces/${encodeURIComponent(id)}`);
  await page.waitForFunction(
    (n) => ((globalThis as unknown as HookGlobal).__graphletExplorer?.cy.nodes().length ?? 0) >= n,
    nodes,
    { timeout: 60_000 },
  );
  // Every execution and artifact is a node of the graph (beside any drawing aids).
  const drawn = await page.evaluate(() =>
    (globalThis as unknown as HookGlobal)
      .__graphletExplorer!.cy.nodes()
      .map((n) => n.id())
      .filter((nodeId) => /^[ea]\d+$/.test(nodeId)),
  );
  expect(new Set(drawn).size).toBe(nodes);

  // The keyboard selects the first graphlet; exactly its nodes light up.
  const [first] = await graphletsOf(request, id);
  await page.locator('body').press('ArrowRight');
  await tracePage.expectSelected(first!.trainer);
  expect(await tracePage.nodesWithClass('lit')).toEqual(
    await graphletNodeIds(request, id, first!.trainer),
  );

  // Dragging the background 290 px to the left pans the graph 290 px to the left.
  const box = (await page.getByTestId('trace-canvas').boundingBox())!;
  const panOf = () =>
    page.evaluate(() => (globalThis as unknown as HookGlobal).__graphletExplorer!.cy.pan());
  const before = await panOf();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 29; i++) await page.mouse.move(x - i * 10, y);
  await page.mouse.up();
  const after = await panOf();
  expect(after.x - before.x).toBeCloseTo(-290, -1);
  expect(after.y).toBeCloseTo(before.y, 0);
  await page.screenshot({ path: info.outputPath('trace-7083.png') });
});
