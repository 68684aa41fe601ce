/**
 * Reliability: a trace whose answer is larger than CACHE_BYTES as JSON is laid out once however
 * many ask at once, kept compressed (its gzip is far smaller than its text), and served again
 * without laying it out or compressing it anew; concurrent cold statistics are computed once; an
 * uploaded trace of 50,000 nodes or more is laid out by its import, not by its first view.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTraceGraph, segmentGraphlets } from '@graphlet/core';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeTrace } from '../src/import/summarize-trace.ts';
import { storeSources } from '../src/test-support/stored-sources.ts';
import {
  finished,
  type Loopback,
  rawRequest,
  startLoopback,
  uploadBytes,
} from './loopback-server.ts';

const MIB = 1024 ** 2;
/** About 26,000 nodes: ~7 MB of JSON, ~0.6 MB gzipped. */
const trace = syntheticTraceForBench(1_600);
const graph = buildTraceGraph(trace);
const { graphlets, note } = segmentGraphlets(trace, graph);
/** Stored as an upload stores it: laid out on its first request. */
const imported = summarizeTrace(graph, graphlets, note, { layout: false });
const ID = 'big-1';

async function view(lo: Loopback, id = ID): Promise<unknown> {
  const response = await fetch(`${lo.base}/api/traces/${id}`, {
    headers: { 'accept-encoding': 'gzip' },
  });
  expect(response.status).toBe(200);
  return response.json();
}

describe('a trace answer larger than the cache budget as JSON', () => {
  let lo: Loopback;
  beforeAll(async () => {
    lo = await startLoopback({ cacheBytes: 2 * MIB });
    await storeSources(lo.server, [{ id: 'big', traces: [imported] }]);
  });
  afterAll(() => lo.stop());

  it('is laid out once for twenty concurrent first views, which all answer it', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => view(lo)));
    expect(lo.server.tasks.started('layout')).toBe(1);
    const first = answers[0] as { nodes: unknown[] };
    expect(first.nodes.length).toBe(trace.executions.length + trace.artifacts.length);
    for (const answer of answers) expect(answer).toEqual(first);
    // A client that does not accept gzip gets the same JSON.
    const plain = await rawRequest(lo.port, { path: `/api/traces/${ID}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body)).toEqual(first);
  });

  it('is kept compressed under the budget and served again from the cache', async () => {
    await view(lo);
    const before = lo.server.cache.stats();
    expect(before.bytes).toBeLessThanOrEqual(2 * MIB);
    await Promise.all(Array.from({ length: 20 }, () => view(lo)));
    const after = lo.server.cache.stats();
    expect(after.loads).toBe(before.loads);
    expect(after.hits).toBeGreaterThanOrEqual(before.hits + 20);
    expect(lo.server.tasks.started('layout')).toBe(1);
  });

  it('computes cold statistics once for twenty concurrent requests', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => (await fetch(`${lo.base}/api/stats`)).text()),
    );
    expect(new Set(answers).size).toBe(1);
    expect(lo.server.tasks.started('stats')).toBe(1);
  });
});

describe('a trace answer larger than the whole cache budget, even compressed', () => {
  let lo: Loopback;
  beforeAll(async () => {
    lo = await startLoopback({ cacheBytes: 64 * 1024 });
    await storeSources(lo.server, [{ id: 'big', traces: [imported] }]);
  });
  afterAll(() => lo.stop());

  it('is served from the store each time, never laid out again', async () => {
    const first = await view(lo);
    for (let i = 0; i < 3; i++) expect(await view(lo)).toEqual(first);
    await Promise.all(Array.from({ length: 10 }, () => view(lo)));
    expect(lo.server.tasks.started('layout')).toBe(1);
    expect(lo.server.cache.stats().bytes).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('an uploaded trace of 50,000 nodes or more', () => {
  let lo: Loopback;
  beforeAll(async () => {
    lo = await startLoopback();
  });
  afterAll(() => lo.stop());

  it('is laid out by its import: its first view only reads the stored answer', async () => {
    const path = join(lo.dataDir, 'large.sqlite');
    writeMlmdStore(path, [{ ...syntheticTraceForBench(3_300), pipeline: 'large' }]);
    const { status, body } = await uploadBytes(lo.base, readFileSync(path), 'large.sqlite');
    expect(status).toBe(202);
    expect((await finished(lo.base, body.job!.id)).state).toBe('done');
    const [trace] = (
      (await (await fetch(`${lo.base}/api/traces`)).json()) as {
        traces: { id: string; executions: number; artifacts: number }[];
      }
    ).traces;
    expect(trace!.executions + trace!.artifacts).toBeGreaterThanOrEqual(50_000);
    const answer = (await view(lo, trace!.id)) as { nodes: unknown[] };
    expect(answer.nodes.length).toBe(trace!.executions + trace!.artifacts);
    expect(lo.server.tasks.started('layout')).toBe(0);
  }, 240_000);
});
