import { computeStatistics, STATS_STATE_VERSION, segmentGraphlets } from '@graphlet/core';
import {
  differencesBeyondRounding,
  failedTrainersTrace,
  pipelineRuns,
} from '@graphlet/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTrace } from '../import/store-trace.ts';
import type { Store } from '../store/store.ts';
import { openTestStore, STORE_DIALECTS, type TestStore } from '../test-support/test-store.ts';
import { corpusStatisticsJson } from './corpus-statistics.ts';

const traces = [pipelineRuns('a', 1, 0, 3), pipelineRuns('b', 100, 0, 5), failedTrainersTrace()];

/** The store with its trace-payload reads counted. */
function counting(store: Store) {
  const reads = { payloads: 0 };
  const counted: Store = {
    ...store,
    getTracePayload: (id) => {
      reads.payloads++;
      return store.getTracePayload(id);
    },
  };
  return { counted, reads };
}

describe.each(STORE_DIALECTS)('corpus statistics on %s', (dialect) => {
  let test: TestStore;
  let store: Store;
  const whole = computeStatistics(
    traces.map((trace) => ({ trace, graphlets: segmentGraphlets(trace).graphlets })),
  );
  const statistics = async (s: Store) => JSON.parse(await corpusStatisticsJson(s, undefined));

  beforeAll(async () => {
    test = await openTestStore(dialect, 'corpus-stats');
    store = test.store;
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    await test.reset();
    await store.writeImport({
      id: 'src',
      name: 'src.sqlite',
      sha256: 'f'.repeat(64),
      size: 1,
      kind: 'mlmd',
      schemaVersion: 10,
      jobId: null,
      traces: traces.map((t) => storeTrace(t)),
    });
  });

  it('merge what each trace saved when stored, reading no trace again', async () => {
    const { counted, reads } = counting(store);
    const { paper: _, paperClaims: __, ...answer } = await statistics(counted);
    expect(differencesBeyondRounding(answer, whole)).toEqual([]);
    expect(reads.payloads).toBe(0);
  });

  it('measure a trace saved without a part, under another version or cut short, once, and keep it', async () => {
    // As a trace stored before migration 17, one saved by an older build, and a damaged part look.
    await store.putTraceStats('src-1', 'null');
    await store.putTraceStats('src-3', '{"version":1,"par');
    const old = JSON.parse((await store.getTraceStats('src-2'))!);
    await store.putTraceStats(
      'src-2',
      JSON.stringify({ ...old, version: STATS_STATE_VERSION - 1 }),
    );
    const { counted, reads } = counting(store);
    const { paper: _, paperClaims: __, ...answer } = await statistics(counted);
    expect(differencesBeyondRounding(answer, whole)).toEqual([]);
    expect(reads.payloads).toBe(3);
    expect(JSON.parse((await store.getTraceStats('src-2'))!).version).toBe(STATS_STATE_VERSION);
    await statistics(counted);
    expect(reads.payloads).toBe(3);
  });
});
