import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixturePath } from '@graphlet/formats/testing';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

const SCREENSHOTS = join(import.meta.dirname, '..', 'screenshots');
const TFX_FIXTURE = fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite');
const PANELS = 18;

interface TraceSummary {
  id: string;
  sourceId: string;
  pipeline: string;
}

/** Waits until the demo corpus (imported on the server's first start) lists its traces. */
async function demoTraces(request: APIRequestContext): Promise<TraceSummary[]> {
  let traces: TraceSummary[] = [];
  await expect
    .poll(
      async () => {
        traces = (await (await request.get('/api/traces')).json()).traces;
        return traces.length;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  return traces;
}

/** A figure panel, scrolled into view so that its chart renders (off-screen panels wait). */
async function panel(page: Page, anchor: string) {
  const section = page.locator(`#${anchor}`);
  await section.scrollIntoViewIfNeeded();
  await expect(section).toHaveAttribute('data-rendered', 'true');
  return section;
}

/** Saves a screenshot of every figure panel on the page. */
async function screenshotPanels(page: Page, prefix: string) {
  const panels = page.locator('section.figure-panel');
  const count = await panels.count();
  for (let i = 0; i < count; i++) {
    const id = await panels.nth(i).getAttribute('id');
    if (id === null) continue;
    const section = await panel(page, id);
    await section.screenshot({ path: join(SCREENSHOTS, `${prefix}-${id}.png`) });
  }
}

test('the demo corpus: every figure renders beside the paper numbers', async ({
  page,
  request,
}) => {
  await demoTraces(request);
  await page.goto('/figures');
  const panels = page.locator('section.figure-panel');
  await expect(panels).toHaveCount(PANELS);
  // Synthetic metadata carries everything the paper measured: every panel is available.
  await expect(page.locator('section.figure-panel[data-available="false"]')).toHaveCount(0);
  await expect(page.locator('.summary-item[data-key="pushedShare"]')).toContainText('paper ~ 20%');

  const lifespan = await panel(page, 'fig-3a');
  await expect(lifespan.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(lifespan.getByText('paper mean 36 days')).toBeVisible();
  await expect(lifespan.locator('tr[data-path="figures.3a.mean"] .paper-value')).toHaveText('36');

  const modelTypes = await panel(page, 'fig-5');
  await expect(modelTypes.locator('.recharts-label-list').getByText('64%')).toBeVisible();
  const gapsCdf = await panel(page, 'fig-9b');
  await expect(gapsCdf.getByText(/paper: ~ 80% of all gaps/)).toBeVisible();
  const likelihood = await panel(page, 'fig-9f');
  await expect(likelihood.getByText(/paper: every type < 60%/)).toBeVisible();
  const table1 = await panel(page, 'table-1');
  await expect(table1.locator('tbody[data-row="jaccard"] .paper-row')).toContainText('0.647');
  await expect(page.locator('#table-2 tbody[data-row="codeMatch"] .paper-row')).toContainText(
    '0.845',
  );
  await screenshotPanels(page, 'demo');
});

test('an anchor in the URL opens at its figure; the keyboard picks traces into the URL', async ({
  page,
  request,
}) => {
  const traces = await demoTraces(request);
  await page.goto('/figures#fig-9b');
  await expect(page.locator('#fig-9b')).toBeInViewport();

  // Keyboard only: open the picker from its summary, tick a trace with Space.
  await page.locator('.trace-picker summary').focus();
  await page.keyboard.press('Enter');
  const first = traces[0];
  if (first === undefined) throw new Error('no demo trace');
  await page.getByRole('checkbox', { name: new RegExp(first.pipeline) }).focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(new RegExp(`traces=${first.id}`));
  await expect(page.locator('.summary-item[data-key="pipelines"] .summary-value')).toHaveText('1');
});

test('a real TFX store: most figures say why they are unavailable', async ({ page, request }) => {
  await demoTraces(request);
  const buffer = await readFile(TFX_FIXTURE);
  const upload = await request.post('/api/sources', {
    multipart: {
      file: { name: 'tfx-0.22-chicago-taxi.sqlite', mimeType: 'application/x-sqlite3', buffer },
    },
  });
  expect(upload.ok()).toBe(true);
  const { source, job } = await upload.json();
  await expect
    .poll(async () => (await (await request.get(`/api/jobs/${job.id}`)).json()).state, {
      timeout: 60_000,
    })
    .toBe('done');
  const traces: TraceSummary[] = (await (await request.get('/api/traces')).json()).traces;
  const ids = traces.filter((t) => t.sourceId === source.id).map((t) => t.id);
  expect(ids.length).toBeGreaterThan(0);

  await page.goto(`/figures?traces=${ids.join(',')}`);
  await expect(page.locator('section.figure-panel')).toHaveCount(PANELS);
  const unavailable = page.locator('section.figure-panel[data-available="false"]');
  expect(await unavailable.count()).toBeGreaterThanOrEqual(8);
  for (const panel of await unavailable.all()) {
    await expect(panel.getByRole('note')).toContainText('Not available in this corpus');
    await expect(panel.getByRole('note')).toContainText(/because \w+/);
  }
  // One trace, one pipeline: singular words everywhere ("1 selected trace", never "1 traces").
  expect(ids).toHaveLength(1);
  await expect(page.locator('.page-title')).toContainText(/for 1 selected trace$/);
  await expect(page.locator('.trace-picker summary')).toContainText('1 of ');
  await expect(page.locator('body')).not.toContainText(/\b1 (traces|pipelines|graphlets|nodes)\b/);
  await screenshotPanels(page, 'tfx');
});
