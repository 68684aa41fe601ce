import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { fixtureTrace } from './stores.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes a synthetic MLMD store of `pipelines` pipelines with the CLI. */
function synthStore(store: string, pipelines: number, seed: string): void {
  execFileSync(
    process.execPath,
    [
      '--no-warnings',
      'apps/cli/src/main.ts',
      'synth',
      '--out',
      store,
      '--pipelines',
      String(pipelines),
      '--seed',
      seed,
      '--force',
    ],
    { cwd: root, stdio: 'ignore' },
  );
}

/** Opens the corpus page; resolves to the number of traces its table lists. */
async function openCorpus(page: Page): Promise<number> {
  await page.goto('/');
  await expect(page.getByRole('table')).toBeVisible();
  return page.getByRole('table').locator('tbody tr').count();
}

/** The few browser globals read below (no DOM typings in e2e). */
interface LayoutGlobal {
  readonly window: { readonly innerWidth: number; readonly innerHeight: number };
  getComputedStyle(element: unknown): { readonly overflowX: string; readonly overflowY: string };
  readonly document: { elementFromPoint(x: number, y: number): unknown };
}

/**
 * Whether the whole of `target` can be seen and pointed at: inside every ancestor that clips
 * (overflow other than visible) and the viewport, and on top across its box.
 */
function wholeAndOnTop(target: Locator): Promise<{ inside: boolean; onTop: boolean }> {
  return target.evaluate((element) => {
    const { window, getComputedStyle, document } = globalThis as unknown as LayoutGlobal;
    const box = element.getBoundingClientRect();
    let clip = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
    for (let a = element.parentElement; a !== null; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      clip = {
        top: Math.max(clip.top, r.top),
        left: Math.max(clip.left, r.left),
        bottom: Math.min(clip.bottom, r.bottom),
        right: Math.min(clip.right, r.right),
      };
    }
    const inside =
      box.top >= clip.top &&
      box.left >= clip.left &&
      box.bottom <= clip.bottom &&
      box.right <= clip.right;
    // The centre and four points a quarter in from the corners (rounded corners are not hit).
    const points: [number, number][] = [0.5, 0.25, 0.75].flatMap((fx) =>
      [0.5, 0.25, 0.75].map((fy): [number, number] => [
        box.left + fx * box.width,
        box.top + fy * box.height,
      ]),
    );
    const onTop = points.every(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && element.contains(hit as typeof element);
    });
    return { inside, onTop };
  });
}

/** Scrolls `target` into view as a person would, then clicks its centre with the real mouse. */
async function mouseClick(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (box === null) throw new Error('corpus test: the button has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

test.describe('corpus page', () => {
  test('lists the demo corpus and sorts by a column, keeping the sort in the URL', async ({
    page,
  }, info) => {
    await page.goto('/');
    const table = page.getByRole('table');
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await page.getByRole('button', { name: /^Executions/ }).click();
    await expect(page).toHaveURL(/sort=executions&dir=desc/);
    const cells = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    const numbers = cells.map((c) => Number(c.replaceAll(',', '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await page.screenshot({ path: info.outputPath('corpus.png') });
  });

  test('uploads a store and follows the import to the end', async ({ page }, info) => {
    // CI starts a fresh server, so a fixed seed keeps its runs alike; a reused local server gets
    // a fresh seed each run, so it never answers "already imported".
    const store = info.outputPath('upload.sqlite');
    const seed = process.env.CI ? '1' : String(Date.now() % 1_000_000);
    synthStore(store, 2, seed);
    const before = await openCorpus(page);
    await page.getByLabel('Choose an MLMD SQLite store or JSON trace').setInputFiles(store);
    await expect(
      // Either may show first, or both at once when the import is quick.
      page
        .getByRole('progressbar')
        .or(page.getByText(/Imported \d+ traces/))
        .first(),
    ).toBeVisible();
    await expect(page.getByText(/Imported 2 traces and [\d,]+ graphlets/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(before + 2);
    await page.screenshot({ path: info.outputPath('corpus-uploaded.png') });
  });

  test('cancels an import while it runs: nothing of the file is stored', async ({ page }, info) => {
    // Writing the store and importing it take long on a crowded machine.
    test.setTimeout(180_000);
    const store = info.outputPath('cancel.sqlite');
    const seed = String(1_000_000 + (Date.now() % 1_000_000));
    // Large enough that a quiet machine is still importing when the button is clicked: with
    // eight pipelines the import could end between the button showing and the click, and the
    // click then waited for a button that was gone.
    synthStore(store, 30, seed);
    const before = await openCorpus(page);
    await page.getByLabel('Choose an MLMD SQLite store or JSON trace').setInputFiles(store);
    const cancel = page.getByRole('button', { name: 'Cancel import' });
    await expect(cancel).toBeVisible({ timeout: 30_000 });
    await cancel.click();
    await expect(
      page.getByText('The import was canceled; nothing of the file was stored.'),
    ).toBeVisible();
    await page.screenshot({ path: info.outputPath('corpus-canceled.png') });
    await page.reload();
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(before);
  });

  test('every source shows its buttons whole, and the mouse reaches them', async ({
    page,
    request,
  }, info) => {
    await fixtureTrace(request, 'tfx-1.15-interactive-two-trainers.sqlite');
    await page.goto('/');
    const sources = page.getByRole('complementary', { name: 'Sources' }).getByRole('listitem');
    await expect(sources.nth(1)).toBeVisible();
    for (const [i, source] of (await sources.all()).entries()) {
      for (const name of [/^Roles of /, /^Delete /]) {
        const button = source.getByRole('button', { name });
        await expect(button).toBeVisible();
        // The first two sources show whole without scrolling; a longer list scrolls to the rest.
        if (i >= 2) await button.scrollIntoViewIfNeeded();
        expect(await wholeAndOnTop(button), `${await button.getAttribute('aria-label')}`).toEqual({
          inside: true,
          onTop: true,
        });
      }
    }
    await page.screenshot({ path: info.outputPath('corpus-sources.png') });

    // Every column of the trace table fits the 1280 px window, long file names included.
    const wrap = page.locator('.table-wrap').first();
    const widths = await wrap.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);

    // The uploaded store's buttons answer the mouse: Roles… opens its dialog, Delete… asks first.
    const uploaded = sources.filter({ hasText: 'tfx-1.15-interactive-two-trainers.sqlite' });
    await mouseClick(page, uploaded.getByRole('button', { name: /^Roles of / }));
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await mouseClick(page, uploaded.getByRole('button', { name: /^Delete / }));
    await expect(uploaded.getByText(/ and its traces\?$/)).toBeVisible();
    await mouseClick(page, uploaded.getByRole('button', { name: 'Cancel' }));
    await expect(uploaded.getByRole('button', { name: /^Delete / })).toBeVisible();
  });

  test('explains a file the server cannot read', async ({ page }, info) => {
    const file = info.outputPath('notes.txt');
    writeFileSync(file, 'not a store\n');
    await page.goto('/');
    await page.getByLabel('Choose an MLMD SQLite store or JSON trace').setInputFiles(file);
    await expect(page.getByRole('alert')).toBeVisible();
    await page.screenshot({ path: info.outputPath('corpus-upload-error.png') });
  });
});
