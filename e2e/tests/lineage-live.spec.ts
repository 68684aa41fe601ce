import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect, test } from '@playwright/test';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';

/** The hand-built Airflow OpenLineage events of two DAG runs of churn_model, in a fresh namespace. */
function churnEvents(namespace: string): Record<string, unknown>[] {
  const file = new URL(
    '../../packages/formats/test-data/openlineage/churn-model-airflow.ndjson',
    import.meta.url,
  );
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line.replaceAll('"ml-platform"', JSON.stringify(namespace))) as Record<
          string,
          unknown
        >,
    );
}

const nodeCount = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () => (globalThis as unknown as HookGlobal).__graphletExplorer?.cy.nodes().length ?? 0,
  );

/** Nodes of a trace as the API answers it. */
async function apiNodes(request: APIRequestContext, traceId: string): Promise<number> {
  const graph = (await (await request.get(`/api/traces/${traceId}`)).json()) as {
    nodes: unknown[];
  };
  return graph.nodes.length;
}

test.describe('live OpenLineage', () => {
  test('events posted while the Trace page is open appear on it', async ({
    page,
    request,
  }, info) => {
    const namespace = `e2e-${Date.now()}`;
    const events = churnEvents(namespace);
    // The first DAG run up to the end of its train_model task.
    const first = await request.post('/api/v1/lineage', { data: events.slice(0, 10) });
    expect(first.status()).toBe(201);
    const receipt = (await first.json()) as { traces: { id: string; pipeline: string }[] };
    const trace = receipt.traces.find((t) => t.pipeline === `${namespace}/churn_model`)!;
    const tracePage = new TracePage(page);
    await tracePage.open(trace.id);
    await expect(page.getByText('live', { exact: true })).toBeVisible();
    // ingest, validate, preprocess, train (4 runs) and their 5 dataset versions.
    expect(await apiNodes(request, trace.id)).toBe(9);
    const helpers = (await nodeCount(page)) - 9;

    // The rest arrive one by one, as an Airflow transport sends them.
    for (const event of events.slice(10)) {
      expect((await request.post('/api/v1/lineage', { data: event })).status()).toBe(201);
    }
    // Both DAG runs: 14 task runs and 13 dataset versions, drawn without a reload.
    expect(await apiNodes(request, trace.id)).toBe(27);
    await expect.poll(() => nodeCount(page), { timeout: 20_000 }).toBe(27 + helpers);
    await expect(page.getByRole('button', { name: /graphlet/i }).first()).toBeVisible();
    await page.screenshot({ path: info.outputPath('trace-openlineage-live.png') });
  });

  test('a role override on the Corpus page re-segments the live source', async ({
    page,
    request,
  }, info) => {
    const namespace = `e2e-roles-${Date.now()}`;
    const post = await request.post('/api/v1/lineage', { data: churnEvents(namespace) });
    const receipt = (await post.json()) as {
      source: { id: string };
      traces: { id: string; pipeline: string }[];
    };
    const traceId = receipt.traces.find((t) => t.pipeline === `${namespace}/churn_model`)!.id;
    const graphlets = async () =>
      (
        (await (await request.get(`/api/traces/${traceId}/graphlets`)).json()) as {
          graphlets: unknown[];
        }
      ).graphlets.length;
    expect(await graphlets()).toBe(2);

    await page.goto('/');
    await expect(page.getByText(/OpenLineage events, live/)).toBeVisible();
    await page.screenshot({ path: info.outputPath('corpus-live-source.png') });
    await page.getByRole('button', { name: 'Roles of OpenLineage (live)…' }).click();
    const panel = page.getByRole('dialog', { name: 'Roles of OpenLineage (live)' });
    const select = panel.getByRole('combobox', {
      name: 'Role of name churn_model.retrain_schedule',
    });
    await expect(select).toBeVisible();
    await select.focus();
    await select.selectOption({ label: 'Trainer' });
    await expect(select).toHaveValue('trainer');
    await expect.poll(graphlets).toBe(4);
    await page.screenshot({ path: info.outputPath('role-overrides.png') });

    // Back to the classifier's role; Escape closes the dialog.
    await select.selectOption({ value: '' });
    await expect.poll(graphlets).toBe(2);
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  });
});
