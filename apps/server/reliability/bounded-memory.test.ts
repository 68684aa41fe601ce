/**
 * Reliability: the statistics results kept in the store stay under STATS_CACHE_BYTES (least
 * recently used evicted first) and a trained waste model can be deleted; GET /api/server shows
 * both caches against their limits.
 */
import type { ServerStatus, TraceList } from '@graphlet/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWasteCorpus, trainModel } from '../src/test-support/waste-corpus.ts';
import { type Loopback, startLoopback } from './loopback-server.ts';

const LIMIT = 64 * 1024;

describe('bounded memory', () => {
  let lo: Loopback;
  let traces: TraceList['traces'];
  beforeAll(async () => {
    lo = await startLoopback({ statsCacheBytes: LIMIT });
    traces = await importWasteCorpus(lo.server);
  });
  afterAll(() => lo.stop());

  const status = async () => (await (await fetch(`${lo.base}/api/server`)).json()) as ServerStatus;
  const stats = async (ids: readonly string[]) => {
    const response = await fetch(`${lo.base}/api/stats?traces=${ids.join(',')}`);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('keeps the stats results under STATS_CACHE_BYTES, evicting the least recently used', async () => {
    const ids = traces.map((t) => t.id);
    const kept = [ids[0]!];
    const first = await stats(kept);
    const perResult = (await status()).statsCache.bytes;
    expect(perResult).toBe(Buffer.byteLength(first));
    // Pairs of traces: 66 distinct sets, far more than fit; the first is read between them.
    let distinct = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        await stats([ids[i]!, ids[j]!]);
        distinct++;
        if (distinct % 4 === 0) expect(await stats(kept)).toBe(first);
        const { statsCache } = await status();
        expect(statsCache.bytes).toBeLessThanOrEqual(LIMIT);
        expect(statsCache.limitBytes).toBe(LIMIT);
      }
    }
    const { statsCache } = await status();
    expect(distinct * perResult).toBeGreaterThan(2 * LIMIT);
    expect(statsCache.entries).toBeLessThan(distinct);
    expect(statsCache.entries).toBeGreaterThan(1);
    // The set read all along is still cached: reading it adds nothing.
    const before = (await status()).statsCache;
    await stats(kept);
    expect((await status()).statsCache).toEqual(before);
  });

  it('deletes a trained waste model with DELETE /api/waste/models/:id', async () => {
    const { model } = await trainModel(lo.server, { variant: 'RF:History', trees: 2 });
    expect((await fetch(`${lo.base}/api/waste/models/${model}`)).status).toBe(200);
    const trace = traces[0]!.id;
    const list = (await (await fetch(`${lo.base}/api/traces/${trace}/graphlets`)).json()) as {
      graphlets: { trainer: number }[];
    };
    const detailPath = `${lo.base}/api/traces/${trace}/graphlets/${list.graphlets[0]!.trainer}`;
    const prediction = async () =>
      ((await (await fetch(detailPath)).json()) as { pushPrediction?: { model: string } })
        .pushPrediction;
    expect((await prediction())?.model).toBe(model);
    const gone = await fetch(`${lo.base}/api/waste/models/${model}`, { method: 'DELETE' });
    expect(gone.status).toBe(204);
    expect((await fetch(`${lo.base}/api/waste/models/${model}`)).status).toBe(404);
    const models = (await (await fetch(`${lo.base}/api/waste/models`)).json()) as {
      models: unknown[];
    };
    expect(models.models).toEqual([]);
    const again = await fetch(`${lo.base}/api/waste/models/${model}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('not_found');
    // Its graphlets no longer carry its predictions.
    expect(await prediction()).toBeUndefined();
  });

  it('shows both caches and the limits at GET /api/server', async () => {
    const body = await status();
    expect(body.memoryCache.limitBytes).toBe(256 * 1024 ** 2);
    expect(body.memoryCache.bytes).toBeGreaterThan(0);
    expect(body.limits).toEqual({
      maxUploadBytes: 1024 ** 3,
      maxJsonBytes: 1024 ** 2,
      uploadIdleSeconds: 60,
    });
  });
});
