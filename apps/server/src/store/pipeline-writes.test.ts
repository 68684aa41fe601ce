import { pipelineRuns } from '@graphlet/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTrace } from '../import/store-trace.ts';
import { openTestStore, STORE_DIALECTS, type TestStore } from '../test-support/test-store.ts';
import type { Store } from './store.ts';

const source = (id: string, jobId: number) => ({
  id,
  name: `${id}.json`,
  sha256: id.padEnd(64, '0'),
  size: 10,
  kind: 'json' as const,
  format: null,
  schemaVersion: null,
  jobId,
});

const rich = (pipeline: string, base = 1) => storeTrace(pipelineRuns(pipeline, base, 0, 2));

describe.each(STORE_DIALECTS)('fan-out writes on %s', (dialect) => {
  let test: TestStore;
  let store: Store;
  beforeAll(async () => {
    test = await openTestStore(dialect, 'pipeline_writes');
    store = test.store;
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    await test.reset();
  });

  it('writes each pipeline once by (source, ordinal), counts them, and clears cached results', async () => {
    expect(await store.insertSourceOnce(source('src', 7))).toBe(7);
    expect(await store.insertSourceOnce({ ...source('src', 7), name: 'retried plan.json' })).toBe(
      7,
    );
    // The same file queued by another job (another API process): the row names the first.
    expect(await store.insertSourceOnce(source('src', 8))).toBe(7);
    expect(await store.settleSourceColumns('src', 7, { kind: 'mlmd', schemaVersion: 10 })).toBe(
      true,
    );
    expect(await store.settleSourceColumns('src', 8, { kind: 'mlmd', schemaVersion: 10 })).toBe(
      false,
    );
    const [a, b] = [rich('p1'), rich('p2', 100)];
    expect(await store.writePipelineTrace('src', 2, b)).toBe('written');
    expect(await store.writePipelineTrace('src', 1, a)).toBe('written');
    // A retried task: its trace is stored already.
    expect(await store.writePipelineTrace('src', 2, b)).toBe('exists');
    await store.putResult('stats:*', '{}', 1024);
    expect(await store.finishFannedOutSource('src')).toEqual({
      traces: 2,
      graphlets: a.graphlets.length + b.graphlets.length,
    });
    expect(await store.getResult('stats:*')).toBeUndefined();
    expect(await store.listSources()).toEqual([
      expect.objectContaining({ id: 'src', name: 'src.json', kind: 'mlmd', traces: 2 }),
    ]);
    expect((await store.listTraces()).map((t) => [t.id, t.pipeline])).toEqual([
      ['src-1', 'p1'],
      ['src-2', 'p2'],
    ]);
  });

  it('runs of one task at once write it once', async () => {
    await store.insertSourceOnce(source('src', 7));
    const trace = rich('p1');
    const writes = await Promise.all(
      Array.from({ length: 4 }, () => store.writePipelineTrace('src', 1, trace)),
    );
    expect(writes.filter((w) => w === 'written')).toHaveLength(1);
    expect(writes.filter((w) => w === 'exists')).toHaveLength(3);
    expect(await store.finishFannedOutSource('src')).toMatchObject({ traces: 1 });
  });

  it('a deleted source takes no more traces; only the job that wrote it deletes it', async () => {
    await store.insertSourceOnce(source('src', 7));
    expect(await store.writePipelineTrace('src', 1, rich('p1'))).toBe('written');
    expect(await store.deleteSourceOfJob('src', 6)).toBe(false);
    expect(await store.deleteSourceOfJob('src', 7)).toBe(true);
    expect(await store.writePipelineTrace('src', 2, rich('p2'))).toBe('gone');
    expect(await store.finishFannedOutSource('src')).toBeUndefined();
    expect(await store.listTraces()).toEqual([]);
  });
});
