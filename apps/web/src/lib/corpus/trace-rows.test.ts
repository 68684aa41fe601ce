import type { Source, TraceSummary } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { filterRows, sortRows, traceRows } from './trace-rows.ts';

const summary = (
  t: Partial<TraceSummary> & Pick<TraceSummary, 'id' | 'pipeline' | 'sourceId'>,
): TraceSummary => ({
  sourceName: '',
  executions: 0,
  artifacts: 0,
  graphlets: 0,
  failedGraphlets: 0,
  pushedShare: null,
  lifespanDays: null,
  modelsPerDay: null,
  computeSeconds: 0,
  ...t,
});
const traces = [
  summary({
    id: '1',
    pipeline: 'taxi',
    sourceId: '7',
    executions: 10,
    pushedShare: 0.5,
    lifespanDays: 2,
    computeSeconds: 7200,
  }),
  summary({ id: '2', pipeline: 'ads', sourceId: '8', sourceName: 'b.json', executions: 30 }),
  summary({
    id: '3',
    pipeline: 'Search',
    sourceId: '7',
    executions: 20,
    pushedShare: 0.1,
    lifespanDays: 4,
  }),
];
const sources: Source[] = [
  {
    id: '7',
    name: 'demo.sqlite',
    sha256: '',
    size: 1,
    kind: 'mlmd',
    schemaVersion: null,
    created: '',
    traces: 2,
  },
];

describe('traceRows', () => {
  it('joins source names and converts compute to CPU hours', () => {
    const rows = traceRows(traces, sources);
    expect(rows.map((r) => r.source)).toEqual(['demo.sqlite', 'b.json', 'demo.sqlite']);
    expect(rows.map((r) => r.lifespan)).toEqual([2, undefined, 4]);
    expect(rows[0]!.compute).toBe(2);
  });
});

describe('sortRows', () => {
  const rows = traceRows(traces, sources);
  it('sorts numbers both ways, unknown values last', () => {
    expect(sortRows(rows, 'executions', 'desc').map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(sortRows(rows, 'pushedShare', 'asc').map((r) => r.id)).toEqual(['3', '1', '2']);
    expect(sortRows(rows, 'pushedShare', 'desc').map((r) => r.id)).toEqual(['1', '3', '2']);
  });
  it('sorts text with locale order', () => {
    expect(sortRows(rows, 'pipeline', 'asc').map((r) => r.pipeline)).toEqual([
      'ads',
      'Search',
      'taxi',
    ]);
  });
});

describe('filterRows', () => {
  const rows = traceRows(traces, sources);
  it('filters by text in pipeline or source and by source id', () => {
    expect(filterRows(rows, 'TAX', '').map((r) => r.id)).toEqual(['1']);
    expect(filterRows(rows, 'demo', '').map((r) => r.id)).toEqual(['1', '3']);
    expect(filterRows(rows, '', '8').map((r) => r.id)).toEqual(['2']);
  });
});
