import { readFileSync } from 'node:fs';
import { segmentGraphlets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { readMlmdStore } from '../read-mlmd-store.ts';
import { writeKfpMlmdStore } from '../testing/kfp-mlmd-store.ts';
import { tempDir } from '../testing/temp-dir.ts';
import { snakeKeys } from './kfp-run.ts';
import { parseKfpRuns } from './read-kfp-run.ts';

const HAND = new URL('../../test-data/kfp/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, HAND), 'utf8');
const ROLES = [
  'ingestion',
  'data_validation',
  'transform',
  'trainer',
  'model_validation',
  'deployment',
];

describe('Kubeflow Pipelines v2 run answers', () => {
  it('GetRun: the root DAG is no execution; six tasks, six artifacts, 13 events, one graphlet', () => {
    const [t] = parseKfpRuns(text('get-run-churn.json'), 'x');
    expect(t!.pipeline).toBe('churn-pipeline');
    expect([t!.executions.length, t!.artifacts.length, t!.events.length]).toEqual([6, 6, 13]);
    expect(t!.executions.map((e) => e.id)).toEqual([101, 102, 103, 104, 105, 106]);
    expect(t!.executions.map((e) => e.role)).toEqual(ROLES);
    expect(t!.executions[3]).toMatchObject({
      type: 'system.ContainerExecution',
      name: 'train-model',
      state: 'complete',
      startMs: Date.parse('2024-06-01T03:13:00Z'),
      endMs: Date.parse('2024-06-01T03:30:00Z'),
    });
    expect(t!.artifacts.map((a) => a.name)).toEqual([
      'dataset',
      'statistics',
      'features',
      'model',
      'metrics',
      'endpoint',
    ]);
    const g = segmentGraphlets(t!).graphlets;
    expect(g.map((x) => [x.trainer, x.pushed, [...x.executions]])).toEqual([
      [104, true, [101, 102, 103, 104, 105, 106]],
    ]);
  });

  it('ListRuns of two runs: the cached ingest reuses its artifact; one trace, two graphlets', () => {
    const [t] = parseKfpRuns(text('list-runs-churn.json'), 'x');
    expect([t!.executions.length, t!.artifacts.length, t!.events.length]).toEqual([11, 9, 23]);
    expect(t!.executions.find((e) => e.id === 111)!.state).toBe('cached');
    expect(t!.executions.find((e) => e.id === 116)!.state).toBe('failed');
    const g = segmentGraphlets(t!).graphlets;
    expect(g.map((x) => [x.trainer, x.pushed, [...x.executions], [...x.artifacts]])).toEqual([
      [104, true, [101, 102, 103, 104, 105, 106], [201, 202, 203, 204, 205, 206]],
      [114, false, [101, 102, 113, 114, 115, 116], [201, 202, 213, 214, 215]],
    ]);
  });

  it('reads the camelCase JSON mapping of the protos the same', () => {
    const camel: unknown = JSON.parse(text('get-run-churn.json'));
    const toCamel = (v: unknown, keep = false): unknown =>
      Array.isArray(v)
        ? v.map((x) => toCamel(x))
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v).map(([k, x]) => [
                keep ? k : k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
                toCamel(x, k === 'inputs' || k === 'outputs'),
              ]),
            )
          : v;
    const camelText = JSON.stringify(toCamel(camel));
    expect(camelText).toContain('runDetails');
    expect(parseKfpRuns(camelText, 'x')).toEqual(parseKfpRuns(text('get-run-churn.json'), 'x'));
    expect(snakeKeys({ taskDetails: [{ inputs: { myData: 1 } }] })).toEqual({
      task_details: [{ inputs: { myData: 1 } }],
    });
  });

  it('names the field of a run that is not one', () => {
    expect(() =>
      parseKfpRuns(JSON.stringify({ run_details: { task_details: [{ state: 3 }] } }), 'r.json'),
    ).toThrow('r.json: not a Kubeflow Pipelines run at runs[0].run_details.task_details.0.state');
  });
});

describe("Kubeflow Pipelines' MLMD (system.ContainerExecution)", () => {
  const tmp = tempDir();

  it('takes roles from the task_name custom property; two graphlets, the failed deploy unpushed', () => {
    const file = tmp('kfp.sqlite');
    writeKfpMlmdStore(file);
    const { traces } = readMlmdStore(file);
    expect(
      traces.map((t) => [t.pipeline, t.executions.length, t.artifacts.length, t.events.length]),
    ).toEqual([['churn-pipeline', 12, 11, 25]]);
    const t = traces[0]!;
    expect(t.executions.slice(0, 6).map((e) => e.role)).toEqual(ROLES);
    expect(
      t.executions.every((e) => e.type === 'system.ContainerExecution' && e.name === undefined),
    ).toBe(true);
    expect(
      segmentGraphlets(t).graphlets.map((g) => [g.trainer, g.pushed, g.executions.length]),
    ).toEqual([
      [4, true, 6],
      [10, false, 6],
    ]);
  });
});
