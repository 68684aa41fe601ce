import type { GraphletDetail, NodeDetail } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import {
  compareGraphlets,
  compareHref,
  compareRecords,
  parseGraphletRef,
} from './compare-graphlets.ts';

/** The two Trainer runs of tfx-1.15-interactive-two-trainers (properties as the store holds them). */
const trainer = (id: string, numSteps: number, wheel: string, inputs: number): NodeDetail => ({
  id,
  kind: 'execution',
  type: 'tfx.components.trainer.component.Trainer',
  state: 'complete',
  properties: {
    component_id: 'Trainer',
    eval_args: `{\n  "num_steps": 50\n}`,
    module_file: 'None',
    module_path: `trainer@./pipeline/_wheels/tfx_user_code_Trainer-0.0+${wheel}-py3-none-any.whl`,
    pipeline_name: 'interactive-2024-06-01T21_19_04.982918',
    run_id: `run-${id}`,
    train_args: `{\n  "num_steps": ${numSteps}\n}`,
  },
  customProperties: {},
  inputs: [
    ...Array.from({ length: inputs }, (_, i) => ({ node: `a${6 + i}`, key: 'examples' })),
    { node: 'a5', key: 'transform_graph' },
    { node: 'a3', key: 'schema' },
  ],
  outputs: [],
  graphlets: [],
});

const detail = (trainerId: number, spans: number[], pushed: boolean): GraphletDetail => ({
  graphlet: {
    trainer: trainerId,
    index: 0,
    executions: [1, 2, trainerId],
    artifacts: spans,
    spans,
    downstream: [],
    warmStart: false,
    failed: false,
    pushed,
    startMs: 0,
    endMs: 24_925,
    metrics: {
      executions: 7,
      artifacts: 16,
      spans: spans.length,
      computeSeconds: 71.018,
      durationMs: 24_925,
    },
  },
  nodes: [],
  edges: [],
  features: { jaccard: null, num_features: 14 },
  previous: null,
  next: null,
  inputSpans: [],
  jaccard: null,
  datasetSimilarity: null,
  codeMatch: null,
  computeByGroup: {
    ingestion: 0,
    data_validation: 0,
    transform: 0,
    training: 0,
    model_validation: 0,
    deployment: 0,
    other: 0,
  },
  modelType: null,
  pushOutcome: pushed
    ? { kind: 'pushed', trainerState: 'complete', blessings: [], pushers: [9], sentence: 'Pushed.' }
    : {
        kind: 'push-step-absent',
        trainerState: 'complete',
        blessings: [],
        pushers: [],
        sentence: 'No push step ran.',
      },
});

describe('compareGraphlets', () => {
  const a = { detail: detail(6, [1, 2], false), trainer: trainer('e6', 50, '0686', 1) };
  const b = { detail: detail(10, [2, 3], true), trainer: trainer('e10', 100, '0686', 2) };

  it('compares inputs, spans, code, hyperparameters and metrics, B against A', () => {
    const c = compareGraphlets(a, b);
    expect(c.inputs).toEqual([
      { key: 'examples', a: '1 artifact', b: '2 artifacts', status: 'changed' },
      { key: 'schema', a: '1 artifact', b: '1 artifact', status: 'same' },
      { key: 'transform_graph', a: '1 artifact', b: '1 artifact', status: 'same' },
    ]);
    expect(c.spans).toMatchObject({ spansAdded: [3], spansDropped: [1], spansKept: 1 });
    // module_file "None" is no value; the same wheel is the same code.
    expect(c.code.map((r) => [r.key, r.status])).toEqual([['module_path', 'same']]);
    // run ids, pipeline names and component ids are bookkeeping, not hyperparameters.
    expect(c.hyperparameters.map((r) => [r.key, r.status])).toEqual([
      ['eval_args', 'same'],
      ['train_args', 'changed'],
    ]);
    expect(c.metrics.find((r) => r.key === 'pushed')).toMatchObject({ a: 'no', b: 'yes' });
    expect(c.metrics.find((r) => r.key === 'feature: num_features')?.status).toBe('same');
    expect(c.metrics.some((r) => r.key === 'feature: jaccard')).toBe(false);
    // examples, spans, train_args, pushed, input spans count stays 2 each: 4 differences.
    expect(c.differences).toBe(4);
  });

  it('says what only one side has, and compares a graphlet with itself as all same', () => {
    const code = compareGraphlets(a, {
      ...b,
      trainer: { ...b.trainer, customProperties: { code_version: '90eec0e7' } },
    }).code;
    expect(code.find((r) => r.key === 'code_version')).toMatchObject({ a: null, status: 'only-b' });
    expect(compareGraphlets(a, a).differences).toBe(0);
    expect(
      compareGraphlets(a, { ...b, trainer: undefined }).hyperparameters.every(
        (r) => r.status === 'only-a',
      ),
    ).toBe(true);
  });

  it('merges record keys in order', () => {
    expect(compareRecords({ b: '1', a: '1' }, { c: '2', a: '2' }).map((r) => r.status)).toEqual([
      'changed',
      'only-a',
      'only-b',
    ]);
  });
});

describe('graphlet refs', () => {
  it('round-trips trace id and trainer through the compare URL, trace ids with dashes', () => {
    expect(parseGraphletRef('9ca75622e174bea6-1:31')).toEqual({
      traceId: '9ca75622e174bea6-1',
      trainer: 31,
    });
    for (const bad of [undefined, null, '', '31', ':31', 'x:', 'x:1.5', 'x:-1'])
      expect(parseGraphletRef(bad)).toBeUndefined();
    const href = compareHref({ traceId: 't-1', trainer: 6 }, { traceId: 't-1', trainer: 10 });
    expect(href).toBe('/compare?a=t-1%3A6&b=t-1%3A10');
    const b = new URLSearchParams(href.split('?')[1]).get('b');
    expect(parseGraphletRef(b)).toEqual({ traceId: 't-1', trainer: 10 });
  });
});
