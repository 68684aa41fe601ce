/**
 * The focused lineage view (N hops up and down, N in the URL, counts of what is left out), and
 * orientation on a large trace: the minimap moves the view, the time axis shows the visible window.
 */
import { expect, test } from '@playwright/test';
import { getJson, tracesBySize } from './api.ts';
import { TracePage } from './pages/trace-page.ts';
import { largeTrace } from './stores.ts';

interface Graph {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}

/** Node ids within `hops` hops of `start` up or down, by a breadth-first search of the API's graph. */
function within(graph: Graph, start: string, hops: number): string[] {
  const near = new Set([start]);
  for (const [from, to] of [
    ['source', 'target'],
    ['target', 'source'],
  ] as const) {
    let frontier = [start];
    const seen = new Set([start]);
    for (let h = 0; h < hops; h++) {
      const next: string[] = [];
      for (const e of graph.edges)
        if (frontier.includes(e[from]) && !seen.has(e[to])) {
          seen.add(e[to]);
          next.push(e[to]);
        }
      for (const id of next) near.add(id);
      frontier = next;
    }
  }
  return [...near].sort();
}

test('the lineage view shows N hops each way, keeps N in the URL and counts the rest', async ({
  page,
  request,
}, info) => {
  const [demo] = await tracesBySize(request);
  const graph = await getJson<Graph>(request, `/api/traces/${encodeURIComponent(demo!.id)}`);
  const trace = new TracePage(page);
  await trace.open(demo!.id);
  await trace.settle();
  const [trainer] = await trace.nodesOnScreen({ role: 'trainer' });
  await trace.clickNode(trainer!);
  await trace.details.getByRole('button', { name: /Show lineage/ }).click();
  await expect(page).toHaveURL(new RegExp(`lineage=${trainer}`));
  const bar = page.getByTestId('lineage-bar');
  await expect(bar).toContainText(`Lineage of Trainer (${trainer})`);
  await expect.poll(() => trace.visibleNodeIds()).toEqual(within(graph, trainer!, 2));
  await expect(page.getByTestId('lineage-counts')).toContainText(
    `showing ${within(graph, trainer!, 2).length} nodes`,
  );
  await expect(page.getByTestId('lineage-counts')).toContainText(
    /Left out: [\d,]+ upstream and [\d,]+ downstream beyond 2 hops/,
  );
  await trace.settle();
  expect((await trace.framing()).inside).toBe(true);

  const hops = bar.getByRole('spinbutton', { name: 'hops each way' });
  await hops.fill('4');
  await expect(page).toHaveURL(/hops=4/);
  await expect.poll(() => trace.visibleNodeIds()).toEqual(within(graph, trainer!, 4));
  await trace.settle();
  await page.screenshot({ path: info.outputPath('lineage.png') });

  // A deep link opens the same view; Back leaves the lineage view for the whole trace.
  await page.reload();
  await trace.waitForGraph();
  await expect.poll(() => trace.visibleNodeIds()).toEqual(within(graph, trainer!, 4));
  await page.goBack();
  await expect(page).not.toHaveURL(/lineage=/);
  await expect.poll(async () => (await trace.visibleNodeIds()).length).toBe(graph.nodes.length);
});

test('on a large trace the minimap moves the view and the time axis shows the window', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  const large = await largeTrace(request, 380);
  const trace = new TracePage(page);
  await trace.open(large.id);
  await trace.settle();
  const window = page.getByTestId('time-window');
  await expect(window).toContainText(/^(Visible time window: )?2020-01-01 → 2020-01-\d\d/);
  const before = await window.textContent();

  const minimap = page.getByTestId('minimap');
  const box = (await minimap.boundingBox())!;
  await page.mouse.click(box.x + box.width - 6, box.y + box.height / 2);
  await trace.settle();
  await expect(window).not.toHaveText(before!);
  await expect(window).toContainText(/→ 2020-11-/);
  const rect = (await page.getByTestId('minimap-window').boundingBox())!;
  expect(rect.x + rect.width).toBeGreaterThan(box.x + box.width - 30);
  await page.screenshot({ path: info.outputPath('minimap-end.png') });
});
