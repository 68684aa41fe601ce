/**
 * Single-use worker threads, one kept spare: loading core and formats into a fresh thread takes
 * a few hundred milliseconds, so the next task's worker is started before it is needed.
 */
import { Worker } from 'node:worker_threads';

const IMPORT_WORKER_URL = new URL('./worker-entry.ts', import.meta.url);

/** Hands out single-use workers of one entry module (imports by default), one loaded in advance. */
export class ImportWorkerPool {
  private spare: Worker | undefined;
  private closed = false;
  private readonly url: URL;

  constructor(url: URL = IMPORT_WORKER_URL) {
    this.url = url;
    this.spare = this.spawn();
  }

  /** A worker waiting for its input message; the caller terminates it when done. */
  take(): Worker {
    if (this.closed) throw new Error('import: the server is stopping');
    const worker = this.spare ?? this.spawn();
    this.spare = undefined;
    worker.ref();
    setImmediate(() => {
      if (!this.closed) this.spare ??= this.spawn();
    });
    return worker;
  }

  /** Stops the spare worker. */
  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = undefined;
    await spare?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.url);
    // An idle spare must not keep the process alive, nor crash it if it fails to load.
    worker.unref();
    const forget = () => {
      if (this.spare === worker) this.spare = undefined;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    return worker;
  }
}
