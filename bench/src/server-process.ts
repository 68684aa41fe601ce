// A real server process for the benchmarks: started on a fresh data dir, read from /proc (peak
// and current RSS, CPU seconds of every thread), driven through its HTTP API, stopped by PID.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** A server process the bench started. */
export interface RunningServer {
  readonly base: string;
  /** Peak RSS of the server process so far, in MB (VmHWM). */
  peakRssMb(): number;
  /** RSS of the server process now, in MB (VmRSS). */
  rssMb(): number;
  /** CPU seconds the server process used so far (user + system, every thread): under load, wall time is the machine's. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts `serverMain` on `port` with a fresh data dir (plus `env`) and waits for its health check. */
export async function startServer(
  serverMain: string,
  port: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'graphlet-bench-server-'));
  const child = spawn(process.execPath, ['--no-warnings', serverMain], {
    env: { ...process.env, DATA_DIR: join(dir, 'data'), PORT: port, DEMO: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let i = 0; ; i++) {
    // Another process on the port would answer the health check: this one must be alive.
    if (exited) throw new Error('bench: the server exited at start (port in use?)');
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('bench: the server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const statusKb = (field: string) => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  };
  return {
    base,
    peakRssMb: () => Math.round(statusKb('VmHWM') / 1024),
    rssMb: () => Math.round(statusKb('VmRSS') / 1024),
    cpuSeconds() {
      // Fields 14 and 15 of /proc/PID/stat, after the command name in parentheses.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return round((Number(fields[11]) + Number(fields[12])) / 100, 1);
    },
    async stop() {
      if (exited) return;
      const exit = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exit;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A job as GET /api/jobs/:id answers. */
export interface JobDoc {
  id: string;
  state: string;
  progress?: Record<string, number | string>;
  error?: { message: string };
  result?: unknown;
}

/** GETs JSON, retrying a connection reset (a keep-alive socket the server closed as it was reused). */
async function getJsonRetrying(url: string): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(url)).json();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Polls a job until it ends (calling `onPoll` with each state); throws if it failed. */
export async function waitForJob(
  server: RunningServer,
  id: string,
  onPoll?: (job: JobDoc) => void,
): Promise<JobDoc> {
  for (;;) {
    const job = (await getJsonRetrying(`${server.base}/api/jobs/${id}`)) as JobDoc;
    onPoll?.(job);
    if (job.state === 'done') return job;
    if (job.state === 'failed') throw new Error(`job ${id} failed: ${job.error?.message}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** POSTs JSON (or nothing) and answers the JSON reply; throws on an error status. */
export async function postJson(server: RunningServer, path: string, body?: unknown) {
  const response = await fetch(`${server.base}${path}`, {
    method: 'POST',
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
