/** Test helpers for the waste routes: the hand-built waste corpus uploaded, JSON posts, training. */
import type { Job, TraceList } from '@graphlet/contract';
import type { Trace } from '@graphlet/core';
import { stringifyTraceDocument } from '@graphlet/formats';
import { transformPushesCorpus } from '@graphlet/waste/testing';
import { expect } from 'vitest';
import type { Server } from '../create-app.ts';
import { getJson, uploadJson, waitForJob } from './test-server.ts';

/** Uploads traces (default: 12 pipelines x 6 graphlets, pushed exactly when a Transform ran). */
export async function importWasteCorpus(
  server: Server,
  traces: readonly Trace[] = transformPushesCorpus(12, 6),
  name = 'waste-corpus.json',
): Promise<TraceList['traces']> {
  const bytes = new TextEncoder().encode(stringifyTraceDocument(traces));
  const { body } = await uploadJson(server, bytes, name);
  expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
  return (await getJson<TraceList>(server, '/api/traces')).body.traces;
}

/** POSTs `body` as JSON. */
export const postJson = (server: Server, path: string, body: unknown) =>
  server.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

/** Starts a training job and waits for it; expects it to succeed and returns the model id. */
export async function trainModel(
  server: Server,
  body: unknown,
): Promise<{ job: Job; model: string }> {
  const response = await postJson(server, '/api/waste/train', body);
  expect(response.status).toBe(202);
  const { job } = (await response.json()) as { job: Job };
  const done = await waitForJob(server, job.id);
  expect(done.error).toBeUndefined();
  expect(done.state).toBe('done');
  return { job: done, model: (done.result as { model: { id: string } }).model.id };
}
