import type { Properties } from '@graphlet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTrace } from '../testing/canonical-trace.ts';
import { randomLineageTrace } from '../testing/random-lineage-trace.ts';
import { parseOpenLineage } from './read-openlineage.ts';
import { stringifyOpenLineage } from './write-openlineage.ts';

/** What OpenLineage expresses: run states and times, job types, dataset namespaces and names. */
const traces = randomLineageTrace({
  states: ['complete', 'failed', 'canceled', 'running', 'unknown'],
  types: ['openlineage:Job', 'AIRFLOW:TASK', 'DBT:MODEL'],
  execution: (id, type, pipeline) => ({
    properties: {
      namespace: pipeline,
      runId: `0190a0a0-0000-7000-8000-${id.toString(16).padStart(12, '0')}`,
    },
    customProperties: (type === 'openlineage:Job'
      ? {}
      : {
          jobFacets: {
            jobType: {
              _producer: 'https://example.com/p',
              _schemaURL: 'https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json',
              processingType: 'BATCH',
              integration: type.split(':')[0]!,
              jobType: type.split(':')[1]!,
            },
          },
        }) as Properties,
  }),
  artifact: (id) => ({
    type: 'Dataset',
    name: `table_${id}`,
    state: 'unknown',
    properties: { namespace: id % 2 === 0 ? 'postgres://db:5432' : 's3://bucket' },
    customProperties: {},
  }),
  eventTime: (kind, start, end) => (kind === 'input' ? start : end),
  key: () => undefined,
});

describe('OpenLineage round trip', () => {
  it('a random trace written as OpenLineage events and read back is the same trace', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const read = parseOpenLineage(stringifyOpenLineage([trace]), 'x.ndjson');
        expect(read.traces.map(canonicalTrace)).toEqual([canonicalTrace(trace)]);
      }),
      { numRuns: 100 },
    );
  });
});
