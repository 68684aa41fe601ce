/** Stores the e2e tests upload besides the demo corpus: real TFX fixtures and large synthetic traces. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Trace } from '@graphlet/core';
import { failedTrainersTrace, syntheticTraceForBench } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { fixturePath } from '@graphlet/formats/testing';
import { type APIRequestContext, expect } from '@playwright/test';
import { getJson, type TraceSummary } from './api.ts';

/**
 * Uploads a file and waits for its import; resolves to the traces of its source. The same file
 * always gets the same source id, so a second upload (a reused local server) finds it imported.
 */
async function uploadStore(
  request: APIRequestContext,
  name: string,
  buffer: Buffer,
): Promise<TraceSummary[]> {
  const upload = await request.post('/api/sources', {
    multipart: { file: { name, mimeType: 'application/octet-stream', buffer } },
  });
  expect(upload.ok()).toBe(true);
  const { source, job } = (await upload.json()) as {
    source: { id: string };
    job: { id: string } | null;
  };
  if (job !== null) {
    await expect
      .poll(async () => (await getJson<{ state: string }>(request, `/api/jobs/${job.id}`)).state, {
        timeout: 120_000,
      })
      .toBe('done');
  }
  const { traces } = await getJson<{ traces: (TraceSummary & { sourceId: string })[] }>(
    request,
    '/api/traces',
  );
  return traces.filter((t) => t.sourceId === source.id);
}

/** One trace of a real TFX fixture store (../shared/fixtures/mlmd), uploaded. */
export async function fixtureTrace(
  request: APIRequestContext,
  fixture: string,
): Promise<TraceSummary> {
  const [trace] = await uploadStore(request, fixture, readFileSync(fixturePath(fixture)));
  if (trace === undefined) throw new Error(`${fixture}: no trace`);
  return trace;
}

/** `trace` written with the project's MLMD writer and uploaded as `name`; its one trace. */
async function uploadTrace(
  request: APIRequestContext,
  name: string,
  trace: Trace,
): Promise<TraceSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-store-'));
  let buffer: Buffer;
  try {
    const store = join(dir, name);
    writeMlmdStore(store, [trace]);
    buffer = readFileSync(store);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [summary] = await uploadStore(request, name, buffer);
  if (summary === undefined) throw new Error(`${name}: no trace`);
  return summary;
}

/**
 * core's syntheticTraceForBench(trainers) written as an MLMD store and uploaded: 380 trainers give
 * about 6,000 nodes, 450 about 7,100.
 */
export function largeTrace(request: APIRequestContext, trainers: number): Promise<TraceSummary> {
  return uploadTrace(request, `large-${trainers}.sqlite`, syntheticTraceForBench(trainers));
}

/**
 * core's failedTrainersTrace() (eight runs, four failed Trainers, one pushed) written with the
 * project's MLMD writer and uploaded: no shared fixture has failed trainers.
 */
export function failedTrainersStore(request: APIRequestContext): Promise<TraceSummary> {
  return uploadTrace(request, 'failed-trainers.sqlite', failedTrainersTrace());
}
