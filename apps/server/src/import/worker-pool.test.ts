import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, STORE_FILE } from '../store/open-database.ts';
import { tempDataDir } from '../test-support/test-server.ts';
import { ImportWorkerPool } from './worker-pool.ts';

const TASK_WORKER_URL = new URL('../offload/task-worker-entry.ts', import.meta.url);
const exitCode = (worker: Worker) => new Promise<number>((resolve) => worker.once('exit', resolve));

// A terminated thread exits with code 1; one that ended by itself with 0.
describe('ImportWorkerPool', () => {
  const dir = tempDataDir();
  const db = openDatabase(dir);
  afterAll(() => db.close());
  const terminate = vi.spyOn(Worker.prototype, 'terminate');
  afterEach(() => terminate.mockClear());

  it('lets a worker end by itself after its task, its store closed first', async () => {
    const pool = new ImportWorkerPool(TASK_WORKER_URL);
    const worker = pool.take();
    const exited = exitCode(worker);
    const answer = new Promise((resolve) => worker.once('message', resolve));
    worker.postMessage({
      task: 'forest',
      storeLocation: join(dir, STORE_FILE),
      modelId: 'm1',
      variant: 'RF',
      bytes: new Uint8Array(8),
    });
    expect(await answer).toEqual({ type: 'done', json: null });
    pool.release(worker);
    expect(await exited).toBe(0);
    await pool.close();
    expect(terminate).not.toHaveBeenCalled();
  });

  it('stops a spare that is still loading by message, not by terminating it', async () => {
    const pool = new ImportWorkerPool(TASK_WORKER_URL);
    const spare = pool.take();
    const exited = exitCode(spare);
    spare.postMessage(null);
    // The next spare is started on the next turn; closed at once, it is still loading.
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    await pool.close();
    expect(performance.now() - started).toBeLessThan(9_000);
    expect(await exited).toBe(0);
    expect(terminate).not.toHaveBeenCalled();
  });
});
