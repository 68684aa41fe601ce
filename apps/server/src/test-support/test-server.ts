/** Test helpers: a server on a temp data folder, uploads through app.request, job polling. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFinalJob, type Job, type UploadResponse } from '@graphlet/contract';
import type { ConfigInput } from '../config.ts';
import { createApp, type Server } from '../create-app.ts';
import { roundRobin } from './replica-server.ts';
import { testStoreConfig } from './test-store-env.ts';

/** A fresh temp data folder; remove it with `rmSync(dir, { recursive: true })`. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'graphlet-server-'));
}

/** Runs `body` with a fresh temp data folder (for servers started on it in turn), then removes it. */
export async function withDataDir<T>(body: (dataDir: string) => Promise<T>): Promise<T> {
  const dir = tempDataDir();
  try {
    return await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A server on `dataDir` without the demo corpus and without a web build unless given; with
 * TEST_STORE=postgres its store is a schema of the test file's PostgreSQL database.
 */
export function testServer(dataDir: string, config: ConfigInput = {}): Server {
  return createApp({
    dataDir,
    demo: false,
    webDir: join(dataDir, 'no-web'),
    ...testStoreConfig(dataDir),
    ...config,
  });
}

/**
 * Runs `body` against a fresh server in a temp folder, closing and removing both afterwards.
 * With TEST_QUEUE=redis two API servers queue their jobs on Redis (a prefix of their own), the
 * requests alternating between them, and three worker processes run them: the deployment layout
 * of REDIS_URL, under the same tests.
 */
export async function withServer<T>(
  body: (server: Server, dataDir: string) => Promise<T>,
  config: ConfigInput = {},
): Promise<T> {
  const dir = tempDataDir();
  if (process.env.TEST_QUEUE !== 'redis') {
    const server = testServer(dir, config);
    try {
      return await body(server, dir);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const queue = await import('./queue-workers.ts');
  const prefix = queue.testQueuePrefix();
  const replicas = [1, 2].map(() =>
    testServer(dir, { ...config, redisUrl: queue.TEST_REDIS_URL, queuePrefix: prefix }),
  );
  const server = roundRobin(replicas);
  const workers = await Promise.all([1, 2, 3].map(() => queue.startWorker(dir, prefix)));
  try {
    return await body(server, dir);
  } finally {
    await Promise.all(workers.map(queue.stopWorker));
    await server.close();
    await queue.removeTestQueueKeys(prefix);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** POSTs `content` as the multipart field `file` (or `field`) to /api/sources. */
export function upload(
  server: Server,
  content: string | Uint8Array,
  name = 'upload.sqlite',
  options: { field?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const bytes = typeof content === 'string' ? readFileSync(content) : content;
  const form = new FormData();
  form.append(options.field ?? 'file', new Blob([bytes]), name);
  return Promise.resolve(
    server.app.request('/api/sources', { method: 'POST', body: form, headers: options.headers }),
  );
}

/**
 * Encodes `bytes` as the multipart field `file` now; `send` POSTs it later, streamed in 64 KiB
 * chunks as a socket delivers it (so encoding the form costs nothing while the server is timed).
 */
export async function streamedUpload(
  bytes: Uint8Array,
  name: string,
): Promise<{ send(server: Server): Promise<Response> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const encoded = new Response(form);
  const whole = new Uint8Array(await encoded.arrayBuffer());
  const type = encoded.headers.get('content-type')!;
  return {
    send: async (server) => {
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= whole.length) return controller.close();
          controller.enqueue(whole.subarray(at, at + 65_536));
          at += 65_536;
        },
      });
      return server.app.request('/api/sources', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': type },
      } as RequestInit);
    },
  };
}

/** Uploads and returns the parsed answer with its status. */
export async function uploadJson(
  server: Server,
  content: string | Uint8Array,
  name?: string,
): Promise<{ status: number; body: UploadResponse }> {
  const response = await upload(server, content, name);
  return { status: response.status, body: (await response.json()) as UploadResponse };
}

/** Polls GET /api/jobs/:id until the job is done, failed or canceled. */
export async function waitForJob(
  server: Server,
  id: string,
  headers?: Record<string, string>,
): Promise<Job> {
  for (let i = 0; i < 2000; i++) {
    const response = await server.app.request(`/api/jobs/${id}`, { headers });
    const job = (await response.json()) as Job;
    if (isFinalJob(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`test: job ${id} did not finish`);
}

/** GETs a path and parses the JSON answer. */
export async function getJson<T>(
  server: Server,
  path: string,
): Promise<{ status: number; body: T }> {
  const response = await server.app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}
