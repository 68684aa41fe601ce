import { pipelineRuns, realisticSpacing, tenNewRunsScenario } from '@graphlet/core/testing';
import { writeMlmdStoreTo } from '@graphlet/formats';
import { createTestDatabase, testDatabases } from '@graphlet/formats/testing/databases';
import { expect, test } from '@playwright/test';
import { getJson, type TraceSummary } from './api.ts';

import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';

/** Seconds between the server's polls of the store in this test. */
const POLL_SECONDS = 2;

const nodeCount = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () => (globalThis as unknown as HookGlobal).__graphletExplorer?.cy.nodes().length ?? 0,
  );

test.describe('connected stores', () => {
  const databases = testDatabases('e2e');
  test.afterAll(databases.dropAll);

  test('a MariaDB store added on the Corpus page: 10 new runs appear on an open Trace page within one poll', async ({
    page,
    request,
  }, info) => {
    const db = await databases.create('mysql', 'sync');
    const scenario = tenNewRunsScenario(realisticSpacing);
    await writeMlmdStoreTo(db.url, scenario.initial);
    const name = `team store ${Date.now()}`;

    await page.goto('/');
    const form = page.getByRole('form', { name: 'Add a store' });
    await form.getByLabel('Kind').selectOption('mysql');
    await form.getByLabel('URL').fill(db.url);
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Poll every (s)').fill(String(POLL_SECONDS));
    await form.getByRole('button', { name: 'Connect' }).click();
    const item = page.locator('li[data-connection]', { hasText: name });
    await expect(item).toContainText(/up to date at \d\d:\d\d:\d\d/);
    await expect(item).toContainText('5 traces');
    await page.screenshot({ path: info.outputPath('corpus-connected-store.png'), fullPage: true });

    const connection = (
      await getJson<{ connections: { id: string; name: string }[] }>(request, '/api/connections')
    ).connections.find((c) => c.name === name)!;
    const traces = async () =>
      (
        await getJson<{ traces: (TraceSummary & { sourceId: string })[] }>(request, '/api/traces')
      ).traces.filter((t) => t.sourceId === connection.id);
    const p0 = (await traces()).find((t) => t.pipeline === 'p0')!;

    const tracePage = new TracePage(page);
    await tracePage.open(p0.id);
    await expect(page.getByText('live', { exact: true })).toBeVisible();
    const before = await nodeCount(page);

    // Ten new runs: a third run of p0..p3 and six runs of a new pipeline p5.
    await writeMlmdStoreTo(db.url, scenario.appended, { append: true });
    const written = Date.now();
    // p0's third run: three executions and three artifacts, drawn without a reload.
    await expect
      .poll(() => nodeCount(page), { timeout: POLL_SECONDS * 1000 + 3000, intervals: [50] })
      .toBe(before + 6);
    const shownAfter = Date.now() - written;
    info.annotations.push({ type: 'shown after (ms)', description: String(shownAfter) });
    await page.screenshot({ path: info.outputPath('trace-connected-store-new-run.png') });

    const after = await traces();
    expect(after.map((t) => [t.pipeline, t.executions])).toEqual(scenario.executionsAfter);
  });

  test('a store that goes away is shown unreachable with the reason', async ({ page }, info) => {
    const db = await createTestDatabase('mysql', 'e2e_gone');
    await writeMlmdStoreTo(db.url, [pipelineRuns('gone', 0, 0, 2, realisticSpacing)]);
    const name = `going away ${Date.now()}`;
    await page.goto('/');
    const form = page.getByRole('form', { name: 'Add a store' });
    await form.getByLabel('URL').fill(db.url);
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Connect' }).click();
    const item = page.locator('li[data-connection]', { hasText: name });
    await expect(item).toContainText(/up to date at/);
    await db.drop();
    await item.getByRole('button', { name: 'Sync now' }).click();
    await expect(item).toContainText(
      /unreachable: mysql:\/\/root@127\.0\.0\.1:3306\/\S+: no such database/,
    );
    await expect(item).toContainText('1 trace');
    await page.screenshot({
      path: info.outputPath('corpus-unreachable-store.png'),
      fullPage: true,
    });
    await item.getByRole('button', { name: 'Remove…' }).click();
    await item.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(item).toHaveCount(0);
  });
});
