import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Job, RoleOverrides, TraceList } from '@graphlet/contract';
import { OPENLINEAGE_FIXTURE_DIR, PROV_FIXTURE_DIR } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { LIVE_SOURCE_ID } from '../lineage/live-lineage.ts';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

const TEST_DATA = new URL('../../../../packages/formats/test-data/', import.meta.url);
const hand = (p: string) => new URL(p, TEST_DATA).pathname;
const churnLines = () =>
  readFileSync(hand('openlineage/churn-model-airflow.ndjson'), 'utf8').trim().split('\n');

/** Every shared OpenLineage and PROV fixture file, and the hand-built ones, with the traces each gives. */
const FILES: [string, number][] = [
  ...readdirSync(join(OPENLINEAGE_FIXTURE_DIR, 'marquez-edge-cases')).map((f): [string, number] => [
    join(OPENLINEAGE_FIXTURE_DIR, 'marquez-edge-cases', f),
    1,
  ]),
  ...readdirSync(join(OPENLINEAGE_FIXTURE_DIR, 'ol-python-client-serde')).map(
    (f): [string, number] => [
      join(OPENLINEAGE_FIXTURE_DIR, 'ol-python-client-serde', f),
      f.includes('run') ? 1 : 0,
    ],
  ),
  [join(OPENLINEAGE_FIXTURE_DIR, 'marquez-seed-metadata.template.json'), 1],
  [join(PROV_FIXTURE_DIR, 'cwlprov-revsort-primary.cwlprov.json'), 1],
  [join(PROV_FIXTURE_DIR, 'cwlprov-directory-0.6.0-primary.cwlprov.json'), 1],
  [join(PROV_FIXTURE_DIR, 'provpy-bundle4.json'), 2],
  [join(PROV_FIXTURE_DIR, 'provtoolbox-prov-json-spec-examples.json'), 2],
  [hand('openlineage/churn-model-airflow.ndjson'), 1],
  [hand('kfp/get-run-churn.json'), 1],
  [hand('kfp/list-runs-churn.json'), 1],
];

describe('importing OpenLineage, PROV-JSON and Kubeflow Pipelines files', () => {
  it('every fixture imports through the API', async () => {
    await withServer(async (server) => {
      for (const [file, traces] of FILES) {
        const { status, body } = await uploadJson(server, file, file.split('/').pop());
        expect(status, file).toBe(202);
        const job = await waitForJob(server, body.job!.id);
        expect([file, job.state, (job.result as { traces: number }).traces]).toEqual([
          file,
          'done',
          traces,
        ]);
      }
      // Folders of one event per file, sent as one JSON array.
      for (const [folder, traces] of [
        ['marquez-apples', 1],
        ['compat-airflow-bq-gcs', 3],
      ] as const) {
        const dir = join(OPENLINEAGE_FIXTURE_DIR, folder);
        const events = readdirSync(dir)
          .sort()
          .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
        const { body } = await uploadJson(
          server,
          new TextEncoder().encode(JSON.stringify(events)),
          `${folder}.json`,
        );
        const job = await waitForJob(server, body.job!.id);
        expect([folder, job.state, (job.result as { traces: number }).traces]).toEqual([
          folder,
          'done',
          traces,
        ]);
      }
    });
  });

  it('records the JSON format of each source and the reader warnings in the job result', async () => {
    await withServer(async (server) => {
      const seed = join(OPENLINEAGE_FIXTURE_DIR, 'marquez-seed-metadata.template.json');
      const { body } = await uploadJson(server, seed, 'seed.json');
      const job = await waitForJob(server, body.job!.id);
      expect((job.result as { warnings: string[] }).warnings[0]).toContain('template placeholders');
      const prov = await uploadJson(
        server,
        join(PROV_FIXTURE_DIR, 'provpy-bundle4.json'),
        'b.json',
      );
      await waitForJob(server, prov.body.job!.id);
      const kfp = await uploadJson(server, hand('kfp/get-run-churn.json'), 'run.json');
      await waitForJob(server, kfp.body.job!.id);
      const { sources } = (
        await getJson<{ sources: { name: string; format?: string }[] }>(server, '/api/sources')
      ).body;
      expect(sources.map((s) => [s.name, s.format])).toEqual([
        ['seed.json', 'openlineage'],
        ['b.json', 'prov'],
        ['run.json', 'kfp'],
      ]);
    });
  });

  it("fails dbt's expected-events template with invalid_file naming the field", async () => {
    await withServer(async (server) => {
      const file = join(OPENLINEAGE_FIXTURE_DIR, 'ol-dbt-postgres-failed_run_ol_events.json');
      const { body } = await uploadJson(server, file, 'dbt.json');
      const job = await waitForJob(server, body.job!.id);
      expect(job.error).toEqual({
        code: 'invalid_file',
        message:
          'import: dbt.json: events[0].producer: required by the OpenLineage schema, but missing',
      });
    });
  });
});

describe('POST /api/v1/lineage', () => {
  const post = (
    server: Parameters<Parameters<typeof withServer>[0]>[0],
    body: string,
    token?: string,
  ) =>
    server.app.request('/api/v1/lineage', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
    });

  it('honours the API token', async () => {
    await withServer(
      async (server) => {
        expect((await post(server, churnLines()[0]!)).status).toBe(401);
        expect((await post(server, churnLines()[0]!, 'wrong')).status).toBe(401);
        expect((await post(server, churnLines()[0]!, 's3cret')).status).toBe(201);
      },
      { apiToken: 's3cret' },
    );
  });

  it('answers 400 invalid_event naming the field, and 400 for a body that is not JSON', async () => {
    await withServer(async (server) => {
      const bad = { ...JSON.parse(churnLines()[1]!), eventType: 'DONE' };
      const response = await post(server, JSON.stringify(bad));
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: 'invalid_event',
          message:
            'lineage: event.eventType: must be equal to one of the allowed values (got "DONE")',
        },
      });
      expect((await post(server, '{oops')).status).toBe(400);
    });
  });

  it('builds the live source event by event; the pipeline keeps its trace id', async () => {
    await withServer(async (server) => {
      const lines = churnLines();
      const first = await post(server, `[${lines.slice(0, 8).join(',')}]`);
      expect(first.status).toBe(201);
      const receipt = (await first.json()) as { traces: { id: string; pipeline: string }[] };
      expect(receipt.traces).toEqual([
        { id: `${LIVE_SOURCE_ID}-1`, pipeline: 'ml-platform/churn_model' },
      ]);
      let list = (await getJson<TraceList>(server, `/api/traces?source=${LIVE_SOURCE_ID}`)).body;
      expect(list.traces[0]).toMatchObject({ executions: 3, graphlets: 0 });
      for (const line of lines.slice(8)) expect((await post(server, line)).status).toBe(201);
      list = (await getJson<TraceList>(server, `/api/traces?source=${LIVE_SOURCE_ID}`)).body;
      expect(list.traces).toHaveLength(1);
      expect(list.traces[0]).toMatchObject({
        id: `${LIVE_SOURCE_ID}-1`,
        executions: 14,
        artifacts: 13,
        graphlets: 2,
      });
      const sources = (
        await getJson<{ sources: { id: string; live?: boolean; size: number }[] }>(
          server,
          '/api/sources',
        )
      ).body;
      expect(sources.sources).toEqual([
        expect.objectContaining({ id: LIVE_SOURCE_ID, live: true, size: lines.length }),
      ]);
    });
  });
});

describe('role overrides', () => {
  it('are stored per source, listed with the types and names they can name, and re-segment', async () => {
    await withServer(async (server) => {
      const { body } = await uploadJson(
        server,
        hand('openlineage/churn-model-airflow.ndjson'),
        'churn.ndjson',
      );
      await waitForJob(server, body.job!.id);
      const id = body.source.id;
      const before = (await getJson<RoleOverrides>(server, `/api/sources/${id}/role-overrides`))
        .body;
      expect(before.overrides).toEqual([]);
      expect(before.subjects).toContainEqual({
        field: 'name',
        value: 'churn_model.retrain_schedule',
        executions: 2,
        role: 'other',
      });
      expect(before.subjects).toContainEqual({
        field: 'type',
        value: 'AIRFLOW:TASK',
        executions: 14,
        role: null,
      });
      const put = (overrides: unknown) =>
        server.app.request(`/api/sources/${id}/role-overrides`, {
          method: 'PUT',
          body: JSON.stringify({ overrides }),
          headers: { 'content-type': 'application/json' },
        });
      const response = await put([
        { field: 'name', value: 'churn_model.retrain_schedule', role: 'trainer' },
      ]);
      expect(response.status).toBe(200);
      const after = (await response.json()) as RoleOverrides;
      expect(after.subjects).toContainEqual({
        field: 'name',
        value: 'churn_model.retrain_schedule',
        executions: 2,
        role: 'trainer',
      });
      const traces = (await getJson<TraceList>(server, `/api/traces?source=${id}`)).body.traces;
      expect(traces[0]!.graphlets).toBe(4);
      // Removing the override gives the imported roles back.
      await put([]);
      expect(
        (await getJson<TraceList>(server, `/api/traces?source=${id}`)).body.traces[0]!.graphlets,
      ).toBe(2);
      expect((await put([{ field: 'name', value: 'x', role: 'chef' }])).status).toBe(400);
      expect((await put([])).status).toBe(200);
      expect((await getJson<Job>(server, '/api/sources/nope/role-overrides')).status).toBe(404);
    });
  });
});
