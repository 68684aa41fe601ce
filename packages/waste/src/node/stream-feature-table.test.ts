import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Trace, TraceBuilder } from '@graphlet/core';
import { afterAll, describe, expect, it } from 'vitest';
import { transformPushesCorpus } from '../testing/transform-pushes-corpus.ts';
import { WasteError } from '../waste-error.ts';
import { createWasteTableBuilder } from '../waste-table.ts';
import { FeatureSourceError } from './feature-source.ts';
import { type FeatureProgress, streamFeatureTable } from './stream-feature-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'stream-feature-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sourceModule = new URL('./json-file-source.test-support.ts', import.meta.url);

function corpusFile(name: string, traces: readonly Trace[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(traces));
  return path;
}

const tasksOf = (spec: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ spec, item: i, key: `k${i}`, label: `p${i}` }));

describe('streamFeatureTable', () => {
  const traces = [
    ...transformPushesCorpus(5, 4),
    ...transformPushesCorpus(1, 3, true),
    ...transformPushesCorpus(3, 2),
  ];
  const spec = corpusFile('corpus.json', traces);

  it('builds the same table and keys as adding the pipelines in order, on any thread count', async () => {
    const serial = createWasteTableBuilder();
    for (const [i, t] of traces.entries()) serial.add(t, `k${i}`);
    const expected = serial.finish();
    for (const threads of [1, 3]) {
      const progress: FeatureProgress[] = [];
      const built = await streamFeatureTable(tasksOf(spec, traces.length + 1), {
        sourceModule,
        threads,
        onProgress: (p) => progress.push(p),
      });
      expect(built).toEqual(expected);
      // One event per task, in order; the last item reads past the array (no pipeline).
      expect(progress.map((p) => p.pipelinesDone)).toEqual(
        Array.from({ length: traces.length + 1 }, (_, i) => i + 1),
      );
      expect(progress.at(-1)).toEqual({
        pipelinesDone: traces.length + 1,
        pipelinesTotal: traces.length + 1,
        rows: expected.table.nRows,
        inFlightMax: expect.any(Number),
        workersRetired: 0,
      });
    }
  });

  it('holds a few pipelines at a time, never the corpus, and reports each one appended', async () => {
    const many = transformPushesCorpus(60, 3);
    const manySpec = corpusFile('many.json', many);
    for (const threads of [1, 2]) {
      const progress: FeatureProgress[] = [];
      const built = await streamFeatureTable(tasksOf(manySpec, many.length), {
        sourceModule,
        threads,
        onProgress: (p) => progress.push(p),
      });
      expect(built.table.nRows).toBe(60 * 3);
      expect(progress.map((p) => p.pipelinesDone)).toEqual(
        Array.from({ length: many.length }, (_, i) => i + 1),
      );
      // Read ahead by at most four pipelines per worker: the bound that keeps memory flat.
      const held = progress.at(-1)!.inFlightMax;
      expect(held).toBeGreaterThanOrEqual(1);
      expect(held).toBeLessThanOrEqual(4 * threads);
    }
  });

  it('replaces a worker whose heap grew past the limit, and builds the same table', async () => {
    const serial = createWasteTableBuilder();
    for (const [i, t] of traces.entries()) serial.add(t, `k${i}`);
    const progress: FeatureProgress[] = [];
    // A 1 MB limit: every worker is retired after its first answer.
    const built = await streamFeatureTable(tasksOf(spec, traces.length), {
      sourceModule,
      threads: 2,
      workerHeapMb: 1,
      onProgress: (p) => progress.push(p),
    });
    expect(built).toEqual(serial.finish());
    expect(progress.at(-1)!.workersRetired).toBeGreaterThanOrEqual(traces.length / 4);
  });

  it('names the pipeline of a trace that cannot be segmented (WasteError invalid_trace)', async () => {
    const t = new TraceBuilder('cyclic');
    const x = t.execution('Transform');
    const ax = t.output(x, 'T');
    const y = t.execution('Trainer', { inputs: [ax] });
    t.link(x, t.output(y, 'Model'), 'input');
    const bad = corpusFile('cyclic.json', [...transformPushesCorpus(2, 2), t.build()]);
    const run = streamFeatureTable(tasksOf(bad, 3), { sourceModule, threads: 2 });
    await expect(run).rejects.toBeInstanceOf(WasteError);
    await expect(run).rejects.toMatchObject({ code: 'invalid_trace', message: /^p2: / });
  });

  it('reports a source that cannot be read as FeatureSourceError', async () => {
    const run = streamFeatureTable(tasksOf(join(dir, 'missing.json'), 2), {
      sourceModule,
      threads: 1,
    });
    await expect(run).rejects.toBeInstanceOf(FeatureSourceError);
    await expect(run).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops with WasteError cancelled when aborted', async () => {
    const controller = new AbortController();
    const run = streamFeatureTable(tasksOf(spec, traces.length), {
      sourceModule,
      threads: 1,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  });
});
