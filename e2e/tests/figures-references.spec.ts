/**
 * The paper's reference lines on the Figures page: a value beyond the axis is marked at the plot's
 * edge with an arrow and its value, and no two reference labels overlap, on the demo corpus and on
 * one small real TFX store.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { tracesBySize } from './api.ts';
import { fixtureTrace } from './stores.ts';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const intersect = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every figure panel, scrolled into view until its chart is drawn. */
async function renderedPanels(page: Page): Promise<Locator[]> {
  const panels = page.locator('section.figure-panel[data-available="true"]');
  await expect(panels.first()).toBeVisible();
  const out: Locator[] = [];
  for (const section of await panels.all()) {
    await section.scrollIntoViewIfNeeded();
    await expect(section).toHaveAttribute('data-rendered', 'true');
    out.push(section);
  }
  return out;
}

/** Fails when two reference labels of one panel overlap; returns how many labels were checked. */
async function expectNoOverlap(panel: Locator): Promise<number> {
  const boxes: { text: string; box: Box }[] = [];
  for (const label of await panel.locator('.reference-label').all()) {
    const box = await label.boundingBox();
    if (box !== null) boxes.push({ text: (await label.textContent()) ?? '', box });
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a === undefined || b === undefined) continue;
      expect(
        intersect(a.box, b.box),
        `"${a.text}" ${JSON.stringify(a.box)} overlaps "${b.text}" ${JSON.stringify(b.box)} in ${await panel.getAttribute('id')}`,
      ).toBe(false);
    }
  return boxes.length;
}

/** Fails unless every out-of-range mark sits on the plot's edge (the x axis line's end). */
async function expectEdgeMarks(panel: Locator): Promise<number> {
  const marks = panel.locator('.reference-mark:not([data-outside="none"])');
  const count = await marks.count();
  if (count === 0) return 0;
  const axis = await panel.locator('.recharts-xAxis .recharts-cartesian-axis-line').boundingBox();
  if (axis === null) throw new Error('no x axis');
  for (const mark of await marks.all()) {
    const side = await mark.getAttribute('data-outside');
    const line = await mark.locator('line').boundingBox();
    if (line === null) throw new Error('mark without a line');
    const edge = side === 'right' ? axis.x + axis.width : axis.x;
    expect(Math.abs(line.x + line.width / 2 - edge)).toBeLessThan(2);
    await expect(mark.locator('.reference-arrow')).toHaveCount(1);
    await expect(mark.locator('.reference-label')).toContainText(side === 'right' ? '→' : '←');
  }
  return count;
}

test('the demo corpus: "paper max 130 days" sits at the right edge; no labels overlap', async ({
  page,
  request,
}) => {
  await expect
    .poll(async () => (await tracesBySize(request)).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  await page.goto('/figures');
  const lifespan = page.locator('#fig-3a');
  await lifespan.scrollIntoViewIfNeeded();
  const max = lifespan.locator('.reference-mark[data-label="paper max 130 days"]');
  await expect(max).toHaveAttribute('data-outside', 'right');
  await expect(max.locator('.reference-label')).toHaveText('paper max 130 days →');
  let labels = 0;
  let edges = 0;
  for (const panel of await renderedPanels(page)) {
    labels += await expectNoOverlap(panel);
    edges += await expectEdgeMarks(panel);
  }
  expect(labels).toBeGreaterThan(10);
  expect(edges).toBeGreaterThan(0);
});

test('a small real TFX store: out-of-range references at the edge, no labels overlap', async ({
  page,
  request,
}) => {
  const trace = await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
  await page.goto(`/figures?traces=${trace.id}`);
  let labels = 0;
  let edges = 0;
  for (const panel of await renderedPanels(page)) {
    labels += await expectNoOverlap(panel);
    edges += await expectEdgeMarks(panel);
  }
  expect(labels).toBeGreaterThan(0);
  expect(edges).toBeGreaterThan(0);
});
