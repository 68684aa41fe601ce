/**
 * A 7,083-node trace (core's syntheticTraceForBench(450), like the paper's largest, §2.1) end to
 * end: uploaded and imported, every node drawn, a graphlet selected by keyboard lights exactly its
 * nodes, and a drag pans the graph by the distance dragged. How fast (2 s to an interactive graph,
 * 100 ms frames) is measured by bench/src/web-bench.ts: tests never fail on speed.
 */
import { readFileSync } from 'node:fs';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { expect, test } from '@playwright/test';
import { getJson, graphletNodeIds, graphletsOf } from './api.ts';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';

test('a 7,083-node trace is drawn whole, selectable by keyboard and pannable', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  const trace = syntheticTraceForBench(450);
  const nodes = trace.executions.length + trace.artifacts.length;
  expect(nodes).toBe(7083);
  const store = info.outputPath('large.sqlite');
  writeMlmdStore(store, [trace]);
  const upload = await request.post('/api/sources', {
    multipart: {
      file: {
        name: 'large.sqlite',
        mimeType: 'application/octet-stream',
        buffer: readFileSync(store),
      },
    },
  });
  const { source, job } = (await upload.json()) as {
    source: { id: string };
    job: { id: string } | null;
  };
  if (job !== null) {
    await expect
      .poll(async () => (await getJson<{ state: string }>(request, `/api/jobs/${job.id}`)).state, {
        timeout: 60_000,
      })
      .toBe('done');
  }
  const { traces } = await getJson<{ traces: { id: string; sourceId: string }[] }>(
    request,
    '/api/traces',
  );
  const id = traces.find((t) => t.sourceId === source.id)!.id;

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
