import type { Trace } from '@graphlet/core';
import { pipelineRun, pipelineRuns } from '@graphlet/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type MlmdChanges,
  mlmdWatermarkSchema,
  readChanges,
  readWatermark,
} from './mlmd-changes.ts';
import { type MlmdStore, openMlmdStore, readMlmdSource } from './read-mlmd-source.ts';
import { createTestDatabase, type TestDatabase } from './testing/databases.ts';
import { writeMlmdStoreTo } from './write-mlmd-server.ts';

/** Creating and dropping databases may be slow on a loaded machine. */
const HOOK_TIMEOUT = 120_000;

/** A mirror of the store kept current by re-reading the pipelines each change touches. */
async function apply(store: MlmdStore, mirror: Map<string, Trace>, changes: MlmdChanges) {
  for await (const trace of store.traces(changes.pipelines)) mirror.set(trace.pipeline, trace);
}

describe.each(['mysql', 'postgres'] as const)('incremental reads on %s', (kind) => {
  let db: TestDatabase;
  afterAll(async () => {
    await db?.drop();
  }, HOOK_TIMEOUT);

  it('sees new runs and state changes once each, and the pipelines they touch', async () => {
    db = await createTestDatabase(kind, 'store_reader_sync');
    const pipelines = ['p0', 'p1', 'p2', 'p3', 'p4'];
    await writeMlmdStoreTo(
      db.url,
      pipelines.map((p, i) => pipelineRuns(p, 100 * i, 0, 2)),
    );
    const store = await openMlmdStore(db.url);
    try {
      const w0 = await readWatermark(store);
      const mirror = new Map<string, Trace>();
      for await (const trace of store.traces()) mirror.set(trace.pipeline, trace);
      expect([...mirror.keys()]).toEqual(pipelines);

      // Ten new runs: a third run of p0..p3 (p2's trainer still running) whose ids lie below the
      // watermark, as a transaction that took ids before it and committed after would leave them,
      // and p5's first six runs above it.
      const newRuns = [
        pipelineRun('p0', 0, 2),
        pipelineRun('p1', 100, 2),
        pipelineRun('p2', 200, 2, { trainer: 'running' }),
        pipelineRun('p3', 300, 2),
        ...[0, 1, 2, 3, 4, 5].map((r) => pipelineRun('p5', 500, r)),
      ];
      await writeMlmdStoreTo(db.url, newRuns, { append: true });

      const c1 = await readChanges(store, w0);
      const newIds = newRuns.flatMap((r) => r.executions.map((e) => e.id)).sort((a, b) => a - b);
      expect(c1.executions.map((e) => e.id)).toEqual(newIds);
      expect(c1.artifacts.map((a) => a.id)).toEqual(
        newRuns.flatMap((r) => r.artifacts.map((a) => a.id)).sort((a, b) => a - b),
      );
      expect(c1.events).toHaveLength(newRuns.reduce((n, r) => n + r.events.length, 0));
      expect(c1.pipelines).toEqual(['p0', 'p1', 'p2', 'p3', 'p5']);
      expect(c1.stateChanges).toEqual([]);
      expect(c1.watermark.open).toEqual([[221, 2]]);
      await apply(store, mirror, c1);
      expect([...mirror.values()].sort((a, b) => (a.pipeline < b.pipeline ? -1 : 1))).toEqual(
        (await readMlmdSource(db.url)).traces,
      );

      // The running trainer completes, as MLMD records it.
      const done = c1.watermark.executionsUpdated.ms + 1000;
      await db.admin(
        `UPDATE Execution SET last_known_state = 3, last_update_time_since_epoch = ${done} WHERE id = 221`,
      );
      const c2 = await readChanges(
        store,
        mlmdWatermarkSchema.parse(JSON.parse(JSON.stringify(c1.watermark))),
      );
      expect(c2.stateChanges).toEqual([{ execution: 221, from: 'running', to: 'complete' }]);
      expect(c2.executions.map((e) => [e.id, e.state, e.endMs])).toEqual([[221, 'complete', done]]);
      expect(c2.events).toEqual([]);
      expect(c2.pipelines).toEqual(['p2']);
      expect(c2.watermark.open).toEqual([]);
      await apply(store, mirror, c2);
      expect(mirror.get('p2')).toEqual((await readMlmdSource(db.url)).traces[2]);

      const c3 = await readChanges(store, c2.watermark);
      expect([c3.executions, c3.artifacts, c3.events, c3.pipelines]).toEqual([[], [], [], []]);
      expect(c3.watermark).toEqual(c2.watermark);
    } finally {
      await store.close();
    }
  });
});
