import { pipelineRun, pipelineRuns } from '@graphlet/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeTrace } from '../import/store-trace.ts';
import { openTestStore, STORE_DIALECTS, type TestStore } from '../test-support/test-store.ts';
import type { StoredWasteModel } from '../waste/stored-waste-model.ts';
import type { ImportedSource, ImportedTrace } from './imported-source.ts';
import type { Store } from './store.ts';

const source = (id: string, traces: ImportedTrace[]): ImportedSource => ({
  id,
  name: `${id}.sqlite`,
  sha256: id.padEnd(64, '0'),
  size: 10,
  kind: 'mlmd',
  schemaVersion: 10,
  jobId: null,
  traces,
});

/** Two runs of a pipeline (ExampleGen, Trainer, Pusher each), ids from `base`. */
const rich = (pipeline: string, base = 1) => storeTrace(pipelineRuns(pipeline, base, 0, 2));

describe.each(STORE_DIALECTS)('store on %s', (dialect) => {
  let test: TestStore;
  let store: Store;
  beforeAll(async () => {
    test = await openTestStore(dialect, 'store');
    store = test.store;
  });
  afterAll(async () => {
    await test?.drop();
  });
  /** A PostgreSQL connection row named `id`, with its empty source. */
  const insertConnection = (id: string) =>
    store.insertConnection({
      id,
      name: id,
      kind: 'postgres',
      location: 'postgres://x/y',
      secret: null,
      pollSeconds: 60,
      schemaVersion: 10,
    });
  beforeEach(async () => {
    await test.reset();
  });

  it('writes a source with its traces and graphlets, and clears cached results', async () => {
    await store.putResult('stats:*', '{}', 1024);
    const traces = [rich('p1'), rich('p2', 100)];
    await store.writeImport(source('abc', traces), new Date('2026-01-01T00:00:00Z'));
    expect(await store.listSources()).toEqual([
      expect.objectContaining({ id: 'abc', traces: 2, created: '2026-01-01T00:00:00.000Z' }),
    ]);
    expect(await store.hasSource('abc')).toBe(true);
    expect((await store.listTraces()).map((t) => t.id)).toEqual(['abc-1', 'abc-2']);
    expect(await store.listGraphlets('abc-2')).toEqual(traces[1]!.graphlets);
    expect(await store.getTracePayload('abc-1')).toBe(traces[0]!.payload);
    expect(Buffer.from((await store.getTraceLayout('abc-1'))!)).toEqual(
      Buffer.from(traces[0]!.layout!),
    );
    expect(await store.getTraceSummary('abc-2')).toMatchObject({
      pipeline: 'p2',
      sourceName: 'abc.sqlite',
      ...traces[1]!.summary,
    });
    expect(await store.countSourceGraphlets('abc')).toBe(
      traces[0]!.graphlets.length + traces[1]!.graphlets.length,
    );
    expect(await store.findSourceBySha('abc'.padEnd(64, '0'))).toMatchObject({
      source: { id: 'abc' },
      jobId: null,
    });
    expect(await store.getResult('stats:*')).toBeUndefined();
  });

  it('leaves nothing behind when a write fails midway, or a checkpoint throws', async () => {
    const p2 = rich('p2', 100);
    const broken = { ...p2, graphlets: [...p2.graphlets, ...p2.graphlets] };
    await store.putResult('stats:*', '{}', 1024);
    await expect(store.writeImport(source('abc', [rich('p1'), broken]))).rejects.toThrow();
    let calls = 0;
    const cancel = () => {
      if (++calls === 2) throw new Error('canceled');
    };
    await expect(
      store.writeImport(source('abc', [rich('p1'), rich('p2', 100)]), new Date(), cancel),
    ).rejects.toThrow('canceled');
    expect(await store.listSources()).toEqual([]);
    expect(await store.listTraces()).toEqual([]);
    expect(await store.listGraphlets('abc-1')).toEqual([]);
    expect(await store.getResult('stats:*')).toBe('{}');
  });

  it('deletes a source with everything under it', async () => {
    await store.writeImport(source('abc', [rich('p1')]));
    expect(await store.deleteSource('abc')).toBe(true);
    expect(await store.listTraces()).toEqual([]);
    expect(await store.getTracePayload('abc-1')).toBeUndefined();
    expect((await store.searchCorpus('Pusher', 10)).hits).toEqual([]);
    expect(await store.deleteSource('abc')).toBe(false);
  });

  it('filters and sorts trace summaries the same way', async () => {
    await store.writeImport(source('a', [rich('Beta'), rich('alpha', 10)]), new Date(1000));
    await store.writeImport(source('b', [rich('gamma-alpha', 20)]), new Date(2000));
    const ids = async (filter: Parameters<Store['listTraces']>[0]) =>
      (await store.listTraces(filter)).map((t) => t.id);
    // Pipelines sort by code point (as SQLite's BINARY): upper case before lower.
    expect(await ids({})).toEqual(['a-1', 'a-2', 'b-1']);
    expect(await ids({ q: 'ALPHA' })).toEqual(['a-2', 'b-1']);
    expect(await ids({ source: 'b' })).toEqual(['b-1']);
    expect(await ids({ sort: 'sourceName', order: 'desc' })).toEqual(['b-1', 'a-1', 'a-2']);
    expect(await store.listTraceIds()).toEqual(['a-1', 'a-2', 'b-1']);
  });

  it('finds pipelines and nodes by substring, pipelines first', async () => {
    await store.writeImport(source('abc', [rich('search-me'), rich('other', 100)]));
    const byPipeline = await store.searchCorpus('arch-m', 10);
    expect(byPipeline.hits[0]).toMatchObject({ kind: 'pipeline', traceId: 'abc-1' });
    const nodes = await store.searchCorpus('PUSHER', 10);
    expect(nodes.hits.map((h) => [h.kind, h.traceId, h.nodeId])).toEqual([
      ['execution', 'abc-1', 'e3'],
      ['execution', 'abc-1', 'e13'],
      ['execution', 'abc-2', 'e102'],
      ['execution', 'abc-2', 'e112'],
    ]);
    const limited = await store.searchCorpus('trainer', 1);
    expect(limited.hits).toHaveLength(1);
    expect(limited.more).toBe(true);
    expect((await store.searchCorpus('100%', 10)).hits).toEqual([]);
  });

  it("replaces a connection's trace of a pipeline in place, and refuses a removed connection", async () => {
    await insertConnection('conn');
    expect(await store.replaceConnectionTrace('conn', rich('p'))).toBe('conn-1');
    expect(await store.replaceConnectionTrace('conn', rich('q', 50))).toBe('conn-2');
    const again = rich('p', 200);
    expect(await store.replaceConnectionTrace('conn', again)).toBe('conn-1');
    expect((await store.listTraces()).map((t) => t.pipeline)).toEqual(['p', 'q']);
    expect(await store.getTracePayload('conn-1')).toBe(again.payload);
    const pushers = await store.searchCorpus('Pusher', 10);
    // Index order is write order: the rewritten trace's nodes come after the other trace's.
    expect(pushers.hits.map((h) => [h.traceId, h.nodeId])).toEqual([
      ['conn-2', 'e52'],
      ['conn-2', 'e62'],
      ['conn-1', 'e202'],
      ['conn-1', 'e212'],
    ]);
    const [connection] = await store.listConnections();
    expect(connection?.doc).toMatchObject({ id: 'conn', state: 'syncing', traces: 2 });
    expect(await store.setConnectionState('conn', 'unreachable', 'down')).toBe(true);
    await store.putResult('k', '1', 100);
    await store.finishSync('conn', '{"w":1}', 11, new Date('2026-02-01T00:00:00Z'));
    expect(await store.getConnection('conn')).toMatchObject({
      doc: { state: 'ready', reason: null, synced: '2026-02-01T00:00:00.000Z', schemaVersion: 11 },
      watermark: '{"w":1}',
    });
    expect(await store.getResult('k')).toBeUndefined();
    await store.deleteSource('conn');
    expect(await store.replaceConnectionTrace('conn', rich('p'))).toBeUndefined();
    expect(await store.setConnectionState('conn', 'ready', null)).toBe(false);
  });

  it('clears cached results for a sync under way, not once it has finished', async () => {
    await insertConnection('conn');
    await store.putResult('k', '1', 100);
    await store.clearResultsUnlessSynced('conn');
    expect(await store.getResult('k')).toBeUndefined();
    // Finishing cleared them after every trace the sync wrote: a late batch keeps what came since.
    await store.finishSync('conn', '{"w":1}', 11);
    await store.putResult('k', '2', 100);
    await store.clearResultsUnlessSynced('conn');
    expect(await store.getResult('k')).toBe('2');
    await store.setConnectionState('conn', 'syncing', null);
    await store.clearResultsUnlessSynced('conn');
    expect(await store.getResult('k')).toBeUndefined();
  });

  it("writes a connection's traces at planned ordinals, replacing in place, and refuses a removed connection", async () => {
    await insertConnection('fan');
    // Tasks finish in any order: each writes at its own ordinal.
    expect(await store.putConnectionTrace('fan', 2, rich('q', 50))).toBe('fan-2');
    expect(await store.putConnectionTrace('fan', 1, rich('p'))).toBe('fan-1');
    const again = rich('p', 200);
    expect(await store.putConnectionTrace('fan', 1, again)).toBe('fan-1');
    expect(await store.listTraceOrdinals('fan')).toEqual([
      { pipeline: 'p', ordinal: 1 },
      { pipeline: 'q', ordinal: 2 },
    ]);
    expect(await store.getTracePayload('fan-1')).toBe(again.payload);
    expect((await store.searchCorpus('Pusher', 10)).hits.map((h) => h.traceId).sort()).toEqual([
      'fan-1',
      'fan-1',
      'fan-2',
      'fan-2',
    ]);
    // A later sync's write of the same pipeline finds it at its planned ordinal.
    expect(await store.replaceConnectionTrace('fan', rich('q', 300))).toBe('fan-2');
    expect(await store.replaceConnectionTrace('fan', rich('r', 400))).toBe('fan-3');
    await store.deleteSource('fan');
    expect(await store.putConnectionTrace('fan', 1, rich('p'))).toBeUndefined();
    expect(await store.listTraceOrdinals('fan')).toEqual([]);
  });

  it('keeps what the statistics see beside each trace, replaced with the trace', async () => {
    const first = rich('p');
    await store.writeImport(source('abc', [first]));
    expect(await store.getTraceStats('abc-1')).toBe(first.stats);
    expect(JSON.parse(first.stats)).toMatchObject({ version: 1, parts: { corpus: {} } });
    expect(await store.getTraceStats('abc-9')).toBeUndefined();
    await store.putTraceStats('abc-1', '{"v":2}');
    expect(await store.getTraceStats('abc-1')).toBe('{"v":2}');

    await insertConnection('conn');
    await store.replaceConnectionTrace('conn', rich('q'));
    const extended = rich('q', 300);
    const noChange = { dropNodes: [], addNodes: { executions: [], artifacts: [] } };
    // Rewritten in place (a later sync's extension), and replaced whole.
    expect(await store.replaceConnectionTrace('conn', extended, noChange)).toBe('conn-1');
    expect(await store.getTraceStats('conn-1')).toBe(extended.stats);
    const replaced = rich('q', 500);
    await store.putConnectionTrace('conn', 1, replaced);
    expect(await store.getTraceStats('conn-1')).toBe(replaced.stats);
  });

  it('evicts the least recently used results past the byte budget', async () => {
    await store.putResult('a', 'aaaa', 10);
    await store.putResult('b', 'bbbb', 10);
    expect(await store.getResult('a')).toBe('aaaa');
    await store.putResult('c', 'cccc', 10);
    expect(await store.getResult('b')).toBeUndefined();
    expect(await store.getResult('a')).toBe('aaaa');
    expect(await store.resultsUsage()).toEqual({ bytes: 8, entries: 2 });
    await store.putResult('huge', 'x'.repeat(11), 10);
    expect(await store.getResult('huge')).toBeUndefined();
    await store.clearResults();
    expect(await store.resultsUsage()).toEqual({ bytes: 0, entries: 0 });
  });

  it('rewrites a source under new role overrides in one step', async () => {
    await store.writeImport(source('abc', [rich('p1'), rich('p2', 100)]));
    const overrides = [{ field: 'type' as const, value: 'Trainer', role: 'other' as const }];
    await store.rewriteSourceRoles('abc', overrides, (row) => ({
      trace: { ...rich(`re-${row.ordinal}`, row.ordinal * 1000) },
      baseRoles: '[]',
    }));
    expect(await store.listRoleOverrides('abc')).toEqual(overrides);
    expect((await store.listTraces()).map((t) => [t.id, t.pipeline])).toEqual([
      ['abc-1', 're-1'],
      ['abc-2', 're-2'],
    ]);
    expect((await store.listSourceTraces('abc')).map((r) => r.baseRoles)).toEqual(['[]', '[]']);
    await expect(
      store.rewriteSourceRoles('abc', [], () => {
        throw new Error('segmenting failed');
      }),
    ).rejects.toThrow('segmenting failed');
    expect(await store.listRoleOverrides('abc')).toEqual(overrides);
  });

  it('counts trainable graphlets per listed trace', async () => {
    // One run: one trainer, pushed. Two runs: the second warm-starts, so the pipeline is set apart.
    await store.writeImport(
      source('abc', [storeTrace(pipelineRun('one', 1, 0)), rich('warm', 100)]),
    );
    const counts = await store.trainableCounts(['abc-1', 'abc-2', 'missing', 'abc-1']);
    expect(counts).toEqual({
      rows: 2,
      pipelines: 2,
      pushed: 2,
      warmStartPipelines: 1,
      warmStartGraphlets: 2,
    });
  });

  it('keeps waste models, their test graphlets and forest bytes', async () => {
    const model = (id: string, created: string, traces: string[] | null) =>
      ({
        summary: { id, jobId: '1', created, scope: { traces } },
        results: { rows: [], curves: [] },
        test: { traceId: ['t-1', 't-2'], trainer: [7, 8], pipeline: [], pushed: [], cost: [] },
        variants: {},
      }) as unknown as StoredWasteModel;
    await store.insertWasteModel(model('m1', '2026-01-01', null));
    await store.insertWasteModel(model('m2', '2026-01-02', ['t-9']));
    expect((await store.listWasteModels()).map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(await store.getWasteModel('m1')).toEqual(model('m1', '2026-01-01', null));
    expect(await store.findTestGraphlet('t-2', 8)).toEqual({ modelId: 'm2', row: 1 });
    expect(await store.latestWasteModelFor('t-9')).toBe('m2');
    expect(await store.latestWasteModelFor('t-1')).toBe('m1');
    expect(await store.wasteModelTextBytes('m1')).toBeGreaterThan(0);
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await store.insertWasteForest('m1', 'full', bytes);
    expect(await store.getWasteForest('m1', 'full')).toEqual(bytes);
    expect(await store.deleteWasteModel('m1')).toBe(true);
    expect(await store.getWasteForest('m1', 'full')).toBeUndefined();
    expect(await store.findTestGraphlet('t-1', 7)).toEqual({ modelId: 'm2', row: 0 });
    expect(await store.findTestGraphlet('t-1', 8)).toBeUndefined();
    expect(await store.deleteWasteModel('m1')).toBe(false);
  });

  it('answers jobs from an empty table', async () => {
    expect(await store.hasJobs()).toBe(false);
    expect(await store.getJob('1')).toBeUndefined();
    expect(await store.getJob('x')).toBeUndefined();
    expect(await store.failUnfinishedJobs('stopped')).toBe(0);
  });
});
