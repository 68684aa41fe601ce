import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OPENLINEAGE_FIXTURE_DIR, PROV_FIXTURE_DIR } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.ts';

const TEST_DATA = new URL('../../../../packages/formats/test-data/', import.meta.url).pathname;

/** Every shared OpenLineage and PROV fixture file and the hand-built ones, with traces and graphlets. */
const FILES: [string, number, number][] = [
  ...readdirSync(join(OPENLINEAGE_FIXTURE_DIR, 'marquez-edge-cases')).map(
    (f): [string, number, number] => [join(OPENLINEAGE_FIXTURE_DIR, 'marquez-edge-cases', f), 1, 0],
  ),
  ...readdirSync(join(OPENLINEAGE_FIXTURE_DIR, 'ol-python-client-serde')).map(
    (f): [string, number, number] => [
      join(OPENLINEAGE_FIXTURE_DIR, 'ol-python-client-serde', f),
      f.includes('run') ? 1 : 0,
      0,
    ],
  ),
  [join(OPENLINEAGE_FIXTURE_DIR, 'marquez-seed-metadata.template.json'), 1, 0],
  ...readdirSync(PROV_FIXTURE_DIR).map((f): [string, number, number] => [
    join(PROV_FIXTURE_DIR, f),
    f.startsWith('cwlprov') ? 1 : 2,
    0,
  ]),
  [`${TEST_DATA}openlineage/churn-model-airflow.ndjson`, 1, 2],
  [`${TEST_DATA}kfp/get-run-churn.json`, 1, 1],
  [`${TEST_DATA}kfp/list-runs-churn.json`, 1, 2],
];

describe('cli segment on OpenLineage, PROV-JSON and Kubeflow Pipelines files', () => {
  it.each(FILES)('%s', async (file, traces, graphlets) => {
    const result = await cli('segment', file, '--json');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { traces: { graphlets: unknown[] }[] };
    expect(doc.traces).toHaveLength(traces);
    expect(doc.traces.reduce((n, t) => n + t.graphlets.length, 0)).toBe(graphlets);
  });

  it("rejects dbt's expected-events template with exit code 2, naming the field", async () => {
    const result = await cli(
      'segment',
      join(OPENLINEAGE_FIXTURE_DIR, 'ol-dbt-postgres-failed_run_ol_events.json'),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'events[0].producer: required by the OpenLineage schema, but missing',
    );
  });

  it('--role name:PATTERN=ROLE overrides by task or job name', async () => {
    const file = `${TEST_DATA}openlineage/churn-model-airflow.ndjson`;
    const result = await cli('segment', file, '--json', '--role', 'name:retrain_schedule$=trainer');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).traces[0].graphlets).toHaveLength(4);
  });
});
