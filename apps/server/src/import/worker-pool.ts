/**
 * Single-use worker threads, one kept spare: loading core and formats into a fresh thread takes
 * a few hundred milliseconds, so the next task's worker is started before it is needed.
 * A worker ends by itself: it handles one message (`null`: none, stop) and exits. Terminating a
 * thread still loading its modules or closing its store has crashed processes in more than one
 * runtime, so `terminate` is kept for a worker that outlives its grace.
 */
import { Worker } from 'node:worker_threads';

const IMPORT_WORKER_URL = new URL('./worker-entry.ts', import.meta.url);

/** A worker still running this long after its task settled (or its stop) is terminated. */
const EXIT_GRACE_MS = 10_000;

/** Hands out single-use workers of one entry module (imports by default), one loaded in advance. */
export class ImportWorkerPool {
  private spare: Worker | undefined;
  private closed = false;
  private readonly url: URL;

  constructor(url: URL = IMPORT_WORKER_URL) {
    this.url = url;
    this.spare = this.spawn();
  }

  /** A worker waiting for its input message; the caller releases it when its task settled. */
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

  /** Lets a taken worker exit by itself, its one message handled; terminated past the grace. */
  release(worker: Worker): void {
    void exited(worker);
  }

  /** Stops the spare worker: it exits once loaded, on the `null` message. */
  async close(): Promise<void> {
    this.closed = true;
    const spare = this.spare;
    this.spare = undefined;
    if (spare === undefined) return;
    spare.ref();
    spare.postMessage(null);
    await exited(spare);
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

/** Resolves when the worker exits; terminates it if it has not within the grace. */
function exited(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate(), EXIT_GRACE_MS);
    timer.unref();
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
