import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentGraphlets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import type { FormatError } from '../format-error.ts';
import { FIXTURES_DIR } from '../testing/fixtures.ts';
import { parseOpenLineage } from './read-openlineage.ts';

const OL = join(FIXTURES_DIR, 'openlineage');
const HAND = new URL('../../test-data/openlineage/', import.meta.url);

/** A folder of one-event files as JSON lines, in file name order. */
function folderAsLines(folder: string): string {
  return readdirSync(join(OL, folder))
    .sort()
    .map((f) => JSON.stringify(JSON.parse(readFileSync(join(OL, folder, f), 'utf8'))))
    .join('\n');
}

const counts = (text: string) =>
  parseOpenLineage(text, 'x').traces.map((t) => ({
    pipeline: t.pipeline,
    executions: t.executions.length,
    artifacts: t.artifacts.length,
    events: t.events.length,
    graphlets: segmentGraphlets(t).graphlets.length,
  }));

describe('OpenLineage on real fixtures', () => {
  it("Marquez's apples: 8 runs of 5 jobs, datasets versioned by rewrite after read", () => {
    const { traces } = parseOpenLineage(folderAsLines('marquez-apples'), 'apples');
    expect(counts(folderAsLines('marquez-apples'))).toEqual([
      { pipeline: 'grandmas.kitchen', executions: 8, artifacts: 11, events: 20, graphlets: 0 },
    ]);
    const roles = traces[0]!.executions.map((e) => `${e.name}:${e.role}`);
    expect(roles.slice(0, 3)).toEqual([
      'gather_apples:ingestion',
      'prepare_apple_filling:transform',
      'prepare_apple_pie:transform',
    ]);
    // apples is written twice with a read in between: two versions; apple.pie twice without: one.
    const names = traces[0]!.artifacts.map((a) => a.name);
    expect(names.filter((n) => n === 'apples')).toHaveLength(2);
    expect(names.filter((n) => n === 'apple.pie')).toHaveLength(1);
  });

  it('the Airflow compatibility events: DAG runs are pipelines, not executions', () => {
    expect(counts(folderAsLines('compat-airflow-bq-gcs'))).toEqual([
      { pipeline: 'airflow/BQ', executions: 3, artifacts: 5, events: 7, graphlets: 0 },
      { pipeline: 'airflow/dag', executions: 1, artifacts: 0, events: 0, graphlets: 0 },
      { pipeline: 'airflow/gcs_hook', executions: 9, artifacts: 8, events: 17, graphlets: 0 },
    ]);
    const bq = parseOpenLineage(folderAsLines('compat-airflow-bq-gcs'), 'x').traces[0]!;
    expect(bq.executions.map((e) => [e.name, e.type, e.role, e.state])).toEqual([
      ['BQ.upload', 'AIRFLOW:TASK', 'ingestion', 'complete'],
      ['BQ.copy', 'AIRFLOW:TASK', 'other', 'complete'],
      ['BQ.download', 'AIRFLOW:TASK', 'ingestion', 'complete'],
    ]);
    expect(bq.executions[0]!.startMs).toBe(Date.parse('2024-11-26T13:05:25.547Z'));
    expect(bq.executions[0]!.endMs).toBe(Date.parse('2024-11-26T13:05:29.606Z'));
  });

  it("Marquez's edge cases: a run reading and writing one table, naive times, no eventType", () => {
    const full = parseOpenLineage(
      readFileSync(join(OL, 'marquez-edge-cases/event_full.json'), 'utf8'),
      'x',
    );
    expect(
      full.traces.map((t) => [
        t.pipeline,
        t.executions.length,
        t.artifacts.length,
        t.events.length,
      ]),
    ).toEqual([['my-scheduler-namespace/myjob.mytask', 1, 2, 2]]);
    const naive = parseOpenLineage(
      readFileSync(join(OL, 'marquez-edge-cases/event_required_no_timezone.json'), 'utf8'),
      'x',
    ).traces[0]!.executions[0]!;
    expect(naive).toMatchObject({
      state: 'unknown',
      startMs: Date.parse('2020-12-28T19:51:01.641Z'),
    });
    const two = [1, 2].map((n) =>
      readFileSync(join(OL, `marquez-edge-cases/listener_${n}.json`), 'utf8'),
    );
    const merged = parseOpenLineage(`[${two.join(',')}]`, 'x').traces[0]!;
    expect(merged.executions).toHaveLength(1);
    expect(merged.executions[0]!.state).toBe('complete');
    expect(merged.artifacts).toHaveLength(5);
  });

  it("the Python client's static DatasetEvent and JobEvent describe no run: no trace, a warning", () => {
    const read = parseOpenLineage(
      readFileSync(join(OL, 'ol-python-client-serde/serde_example_job_event.json'), 'utf8'),
      'x',
    );
    expect(read.traces).toEqual([]);
    expect(read.warnings[0]).toContain('static');
  });

  it("Marquez's seed template: {{...}} times are unknown, 13 runs of food_delivery", () => {
    const read = parseOpenLineage(
      readFileSync(join(OL, 'marquez-seed-metadata.template.json'), 'utf8'),
      'x',
    );
    expect(counts(readFileSync(join(OL, 'marquez-seed-metadata.template.json'), 'utf8'))).toEqual([
      { pipeline: 'food_delivery', executions: 13, artifacts: 13, events: 27, graphlets: 0 },
    ]);
    expect(
      read.traces[0]!.executions.every((e) => e.startMs === undefined && e.state === 'complete'),
    ).toBe(true);
    expect(read.warnings[0]).toContain('template placeholders');
  });

  it("dbt's expected-events template is rejected: its events lack the required producer", () => {
    const text = readFileSync(join(OL, 'ol-dbt-postgres-failed_run_ol_events.json'), 'utf8');
    expect(() => parseOpenLineage(text, 'dbt.json')).toThrow(
      'dbt.json: events[0].producer: required by the OpenLineage schema, but missing',
    );
  });
});

describe('OpenLineage on a hand-built ML pipeline (Airflow, two DAG runs)', () => {
  const text = readFileSync(new URL('churn-model-airflow.ndjson', HAND), 'utf8');
  const trace = parseOpenLineage(text, 'churn').traces[0]!;

  it('merges out-of-order and repeated events into 14 runs, 13 dataset versions, 31 events', () => {
    expect(counts(text)).toEqual([
      {
        pipeline: 'ml-platform/churn_model',
        executions: 14,
        artifacts: 13,
        events: 31,
        graphlets: 2,
      },
    ]);
    expect(trace.executions.slice(0, 7).map((e) => e.role)).toEqual([
      'ingestion',
      'data_validation',
      'transform',
      'trainer',
      'model_validation',
      'deployment',
      'other',
    ]);
    expect(trace.executions[10]).toMatchObject({
      name: 'churn_model.train_model',
      state: 'complete',
    });
    expect(trace.executions[12]).toMatchObject({
      name: 'churn_model.push_model',
      state: 'canceled',
    });
  });

  it('segments one graphlet per training run; the aborted push is not a push', () => {
    const { graphlets } = segmentGraphlets(trace);
    expect(
      graphlets.map((g) => [g.trainer, g.pushed, [...g.executions], [...g.artifacts]]),
    ).toEqual([
      [4, true, [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7, 8]],
      [11, false, [8, 9, 10, 11, 12, 13, 14], [3, 8, 9, 10, 11, 12, 13]],
    ]);
  });

  it('gives the same trace whatever the order of the events', () => {
    const lines = text.trim().split('\n');
    const reversed = parseOpenLineage([...lines].reverse().join('\n'), 'x').traces;
    expect(reversed).toEqual([trace]);
  });
});

describe('OpenLineage errors name the field', () => {
  const event = {
    eventType: 'START',
    eventTime: '2024-01-01T00:00:00Z',
    producer: 'https://example.com/p',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: '0190a0a0-0000-7000-8000-000000000001' },
    job: { namespace: 'n', name: 'j' },
  };
  const fails = (e: unknown) => () => parseOpenLineage(JSON.stringify(e), 'f.json');

  it.each([
    [
      { ...event, eventTime: 'yesterday' },
      'event.eventTime: must match format "date-time" (got "yesterday")',
    ],
    [{ ...event, run: { runId: 'r1' } }, 'event.run.runId: must match format "uuid" (got "r1")'],
    [
      { ...event, eventType: 'DONE' },
      'event.eventType: must be equal to one of the allowed values',
    ],
    [{ ...event, job: { name: 'j' } }, 'event.job.namespace: required by the OpenLineage schema'],
    [
      {
        ...event,
        inputs: [
          {
            namespace: 'n',
            name: 'd',
            facets: { schema: { _producer: 'https://x', _schemaURL: 'https://x', fields: [{}] } },
          },
        ],
      },
      'event.inputs[0].facets.schema.fields[0].name: required',
    ],
  ])('%#', (bad, message) => {
    expect(fails(bad)).toThrow(message);
    try {
      fails(bad)();
    } catch (error) {
      expect((error as FormatError).code).toBe('invalid_event');
    }
  });

  it('names the line of a JSON lines file that is not JSON', () => {
    expect(() => parseOpenLineage(`${JSON.stringify(event)}\n{oops`, 'f.json')).toThrow(
      'line 2: not valid JSON',
    );
  });
});
