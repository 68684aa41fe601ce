/** The reliability suite's server: the real app on a loopback port, on a fresh data folder. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '@graphlet/contract';
import { serve } from '@hono/node-server';
import { type ConfigInput, createApp, type Server } from '../src/index.ts';

export interface Loopback {
  readonly server: Server;
  readonly dataDir: string;
  readonly base: string;
  readonly port: number;
  /** Stops the socket and the server; removes the folder unless it was given. */
  stop(): Promise<void>;
}

/** Starts the app on 127.0.0.1 (port chosen by the system) over `dataDir` or a temp folder. */
export async function startLoopback(config: ConfigInput = {}, dataDir?: string): Promise<Loopback> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'graphlet-reliability-'));
  const server = createApp({ dataDir: dir, demo: false, webDir: join(dir, 'no-web'), ...config });
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = http.address() as AddressInfo;
  return {
    server,
    dataDir: dir,
    port,
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A raw HTTP request (any Host header, body in one piece): status, headers, parsed JSON or text. */
export function rawRequest(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: Uint8Array | string;
  },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        // One connection per request: a refused request's unread body must not reach the next.
        agent: false,
        headers: {
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A multipart body holding `bytes` as the field `file`. */
export function multipart(bytes: Uint8Array, name: string): { body: Buffer; contentType: string } {
  const boundary = `----reliability${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([
    Buffer.from(head),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads `bytes` over the socket; the status and parsed answer. */
export async function uploadBytes(
  base: string,
  bytes: Uint8Array,
  name: string,
): Promise<{
  status: number;
  body: { source?: { id: string }; job?: Job | null; error?: { code: string; message: string } };
}> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const response = await fetch(`${base}/api/sources`, { method: 'POST', body: form });
  return { status: response.status, body: (await response.json()) as never };
}

/** Polls a job until it is done or failed. */
export async function finished(base: string, id: string): Promise<Job> {
  for (let i = 0; i < 3000; i++) {
    const job = (await (await fetch(`${base}/api/jobs/${id}`)).json()) as Job;
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`reliability: job ${id} did not finish`);
}

/** The ids of the stored sources, sorted. */
export async function sourceIds(base: string): Promise<string[]> {
  const { sources } = (await (await fetch(`${base}/api/sources`)).json()) as {
    sources: { id: string }[];
  };
  return sources.map((s) => s.id).sort();
}

/** Files left in the data folder's temp folder. */
export function tempFiles(dataDir: string): string[] {
  return readdirSync(join(dataDir, 'tmp'));
}
