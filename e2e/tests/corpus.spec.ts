import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';

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
    synthStore(store, 8, seed);
    const before = await openCorpus(page);
    await page.getByLabel('Choose an MLMD SQLite store or JSON trace').setInputFiles(store);
    const cancel = page.getByRole('button', { name: 'Cancel import' });
    await expect(cancel).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: info.outputPath('corpus-importing.png') });
    await cancel.click();
    await expect(
      page.getByText('The import was canceled; nothing of the file was stored.'),
    ).toBeVisible();
    await page.screenshot({ path: info.outputPath('corpus-canceled.png') });
    await page.reload();
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(before);
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
