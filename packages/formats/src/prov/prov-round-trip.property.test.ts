import type { Properties } from '@graphlet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTrace } from '../testing/canonical-trace.ts';
import { randomLineageTrace } from '../testing/random-lineage-trace.ts';
import { parseProvJson } from './read-prov-json.ts';
import { stringifyProvJson } from './write-prov-json.ts';

/** What PROV-JSON expresses: activity types, labels and times, entity types and labels, attributes, roles and times of usage. */
const traces = randomLineageTrace(
  {
    states: ['complete'],
    types: ['prov:Activity', 'wfprov:ProcessRun', 'ex:Step'],
    execution: (id) => ({
      properties: { id: `ex:run${id}` },
      customProperties: (id % 2 === 0 ? { 'ex:host': `node-${id}` } : {}) as Properties,
    }),
    artifact: (id) => ({
      type: id % 3 === 0 ? 'prov:Collection' : 'prov:Entity',
      name: `file ${id}`,
      state: 'unknown',
      properties: { id: `ex:file${id}` },
      customProperties: { 'ex:size': id * 10 },
    }),
    eventTime: (kind, start, end) => (kind === 'input' ? start : end),
    key: (kind, k) => (k === 0 ? undefined : `ex:${kind}${k}`),
  },
  'ex:bundle',
);

describe('PROV-JSON round trip', () => {
  it('a random trace written as a PROV-JSON bundle and read back is the same trace', () => {
    fc.assert(
      fc.property(traces, (trace) => {
        const read = parseProvJson(stringifyProvJson([trace]), 'x.json');
        expect(read.traces.map(canonicalTrace)).toEqual([canonicalTrace(trace)]);
      }),
      { numRuns: 100 },
    );
  });
});
