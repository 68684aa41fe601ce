import type { Trace } from '@graphlet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTrace } from '../testing/canonical-trace.ts';
import { randomLineageTrace } from '../testing/random-lineage-trace.ts';
import { parseKfpRuns } from './read-kfp-run.ts';
import { stringifyKfpRuns } from './write-kfp-run.ts';

/** What a run answer expresses: task names, states and times, artifact ids passed under names. */
const traces = randomLineageTrace(
  {
    states: ['complete', 'failed', 'canceled', 'running', 'cached', 'new', 'unknown'],
    types: ['system.ContainerExecution'],
    execution: (id) => ({
      properties: { runId: `run-${id % 2}`, taskId: `task-${id}` },
      customProperties: {},
    }),
    artifact: () => ({
      type: 'system.Artifact',
      name: 'data',
      state: 'unknown',
      properties: {},
      customProperties: {},
    }),
    eventTime: () => undefined,
    key: (kind, k) => `${kind === 'input' ? 'in' : 'out'}${k}`,
  },
  'churn-pipeline',
);

/** A run answer names an artifact only by the output (else the first input) it was passed as. */
function namedByKeys(trace: Trace): Trace {
  const name = new Map<number, string>();
  for (const kind of ['output', 'input']) {
    for (const e of trace.events)
      if (e.kind === kind && !name.has(e.artifact)) name.set(e.artifact, e.key!);
  }
  return {
    ...trace,
    artifacts: trace.artifacts
      .filter((a) => name.has(a.id))
      .map((a) => ({ ...a, name: name.get(a.id)! })),
  };
}

describe('Kubeflow Pipelines run round trip', () => {
  it('a random trace written as runs and read back is the same trace', () => {
    fc.assert(
      fc.property(traces.map(namedByKeys), (trace) => {
        const read = parseKfpRuns(stringifyKfpRuns([trace]), 'x.json');
        expect(read.map(canonicalTrace)).toEqual([canonicalTrace(trace)]);
      }),
      { numRuns: 100 },
    );
  });
});
