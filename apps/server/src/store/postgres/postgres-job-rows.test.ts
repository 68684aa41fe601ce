import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test-support/eventually.ts';
import { openTestStore, type TestStore } from '../../test-support/test-store.ts';
import { PostgresJobRows } from './postgres-job-rows.ts';
import { createPool } from './postgres-pool.ts';

describe('PostgresJobRows', () => {
  let test: TestStore;
  beforeAll(async () => {
    test = await openTestStore('postgres', 'jobrows');
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('gives two processes distinct ids, and each sees the jobs the other advances', async () => {
    const pools = [createPool({ url: test.url! }), createPool({ url: test.url! })];
    const [api, worker] = pools.map((pool) => new PostgresJobRows(pool)) as [
      PostgresJobRows,
      PostgresJobRows,
    ];
    try {
      await Promise.all([api.ready(), worker.ready()]);
      const a = api.insert('import', {});
      const b = worker.insert('import', {});
      expect(a.id).not.toBe(b.id);
      // The worker may write before the API's first row lands: that row must not undo it.
      worker.save({ ...a, state: 'done', result: { traces: 3 } });
      const seen = await eventually(
        () => (api.get(a.id)?.state === 'done' ? api.get(a.id) : undefined),
        "the worker's document",
      );
      expect(seen).toMatchObject({ state: 'done', result: { traces: 3 } });
      expect(await test.store.getJob(a.id)).toMatchObject({ state: 'done' });
      await api.close();
      await worker.close();
      expect(await test.store.getJob(b.id)).toMatchObject({ state: 'queued', kind: 'import' });
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
