/**
 * Real TFX stores and failed runs: nodes are labelled by component and by artifact type and short
 * name (never by id), drawn labels never overlap, and execution states are marked on the canvas
 * and in the node panel.
 */
import { expect, type Page, test } from '@playwright/test';
import { tracesBySize } from './api.ts';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';
import { fixtureTrace, largeTrace } from './stores.ts';

const GENERATED = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[ea]\d+)$/i;

interface DrawnNode {
  id: string;
  kind: string;
  label: string;
  shown: boolean;
  state: string;
  borderStyle: string;
  borderColor: string;
  box: { x1: number; y1: number; x2: number; y2: number };
}

/** Every model node with its label, state and label box as Cytoscape computes them. */
async function drawnNodes(page: Page): Promise<DrawnNode[]> {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
    return cy
      .nodes()
      .filter((n) => n.data('kind') !== 'veil')
      .map((n) => {
        const styled = n as unknown as { style(p: string): string };
        const b = n.boundingBox({
          includeNodes: false,
          includeEdges: false,
          includeLabels: true,
          includeOverlays: false,
          includeUnderlays: false,
          includeOutlines: false,
        });
        return {
          id: n.id(),
          kind: n.data('kind') as string,
          label: n.data('label') as string,
          shown: n.data('shown') === true,
          state: (n.data('state') as string | undefined) ?? '',
          borderStyle: styled.style('border-style'),
          borderColor: styled.style('border-color'),
          box: { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 },
        };
      });
  });
}

/** Pairs of drawn labels whose boxes overlap (more than half a unit each way). */
function overlaps(nodes: readonly DrawnNode[]): string[] {
  const shown = nodes.filter((n) => n.shown);
  const out: string[] = [];
  for (let a = 0; a < shown.length; a++)
    for (let b = a + 1; b < shown.length; b++) {
      const p = shown[a]!.box;
      const q = shown[b]!.box;
      if (p.x1 + 0.5 < q.x2 && q.x1 + 0.5 < p.x2 && p.y1 + 0.5 < q.y2 && q.y1 + 0.5 < p.y2)
        out.push(`${shown[a]!.id}/${shown[b]!.id}`);
    }
  return out;
}

test('a real TFX 1.15 store: labels by component and type, none by id; cached runs are marked', async ({
  page,
  request,
}, info) => {
  const store = await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
  const trace = new TracePage(page);
  await trace.open(store.id);
  await trace.settle();
  // A small store opens at a zoom where its labels are drawn; zoomed in to 1, they stay placed.
  expect((await trace.viewport()).zoom).toBeGreaterThanOrEqual(0.95);
  expect((await drawnNodes(page)).filter((n) => n.shown).length).toBeGreaterThan(0);
  await trace.wheelZoomTo(1);
  const nodes = await drawnNodes(page);
  for (const n of nodes) expect(n.label, n.id).not.toMatch(GENERATED);
  const executions = nodes.filter((n) => n.kind === 'execution').map((n) => n.label);
  expect(executions).toEqual(
    expect.arrayContaining(['CsvExampleGen', 'Transform', 'Evaluator', 'Pusher']),
  );
  expect(executions.filter((l) => l === 'Trainer')).toHaveLength(2);
  const artifacts = nodes.filter((n) => n.kind === 'artifact').map((n) => n.label);
  expect(artifacts).toContain('ExampleStatistics · statistics');
  expect(nodes.filter((n) => n.shown).length).toBeGreaterThan(nodes.length / 2);
  expect(overlaps(nodes)).toEqual([]);

  const cached = nodes.filter((n) => n.state === 'cached');
  expect(cached.length).toBeGreaterThan(0);
  for (const n of cached) expect(n.borderStyle).toBe('dotted');
  for (const n of nodes.filter((m) => m.state === 'complete')) expect(n.borderStyle).toBe('solid');
  await page.screenshot({ path: info.outputPath('real-store.png') });

  const search = page.getByRole('searchbox');
  await search.fill(cached[0]!.id);
  await search.press('Enter');
  await trace.settle();
  await trace.clickNode(cached[0]!.id);
  await expect(trace.details.getByTestId('node-state')).toContainText('Cached');
  await expect(trace.details.getByTestId('node-state')).toContainText('dotted border');
});

for (const fixture of [
  'tfx-0.22-chicago-taxi-schema-v4.sqlite',
  'tfx-1.10-data-only-schema-v8.sqlite',
  'tfx-1.15-interactive-two-trainers.sqlite',
]) {
  test(`${fixture} opens at a readable zoom with its first nodes in view`, async ({
    page,
    request,
  }) => {
    const store = await fixtureTrace(request, fixture);
    const trace = new TracePage(page);
    await trace.open(store.id);
    await trace.settle();
    const { zoom } = await trace.viewport();
    expect(zoom).toBeGreaterThanOrEqual(0.95);
    expect(zoom).toBeLessThanOrEqual(1.5);
    // The pipeline's first step (its ingestion) is drawn on screen, labelled.
    expect(await trace.nodesOnScreen({ role: 'ingestion' }, 10)).not.toEqual([]);
    expect((await drawnNodes(page)).filter((n) => n.shown).length).toBeGreaterThan(0);
  });
}

test('labels never overlap on the demo trace', async ({ page, request }) => {
  const [demo] = await tracesBySize(request);
  const trace = new TracePage(page);
  await trace.open(demo!.id);
  await trace.wheelZoomTo(1);
  const nodes = await drawnNodes(page);
  expect(nodes.filter((n) => n.shown).length).toBeGreaterThan(100);
  expect(overlaps(nodes)).toEqual([]);
});

test('failed trainers are marked on the canvas and in the node panel', async ({
  page,
  request,
}, info) => {
  test.setTimeout(180_000);
  const large = await largeTrace(request, 380);
  const trace = new TracePage(page);
  await trace.open(large.id);
  const failed = (await drawnNodes(page)).filter((n) => n.state === 'failed');
  expect(failed.length).toBeGreaterThan(0);
  for (const n of failed) {
    expect(n.borderStyle).toBe('double');
    expect(n.borderColor).toBe('rgb(198,40,40)');
  }
  // Jump to one through the search box, then open it with the mouse.
  const search = page.getByRole('searchbox');
  await search.fill(failed[0]!.id);
  await search.press('Enter');
  await trace.settle();
  await trace.clickNode(failed[0]!.id);
  await expect(trace.details.getByTestId('node-state')).toContainText('Failed');
  await page.screenshot({ path: info.outputPath('failed-trainer.png') });
});
