import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, STORE_FILE } from '../store/open-database.ts';
import { getWasteForest } from '../store/waste-model-rows.ts';
import { tempDataDir } from '../test-support/test-server.ts';
import { TaskPool } from './task-pool.ts';

describe('TaskPool', () => {
  const dir = tempDataDir();
  const db = openDatabase(dir);
  const tasks = new TaskPool();
  afterAll(async () => {
    await tasks.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a forest blob on a worker, its bytes moved there rather than copied', async () => {
    const bytes = new Uint8Array(1 << 20).map((_, i) => (i * 7) % 251);
    const expected = bytes.slice();
    const written = tasks.run(
      'forest:m1:RF',
      { task: 'forest', storeLocation: join(dir, STORE_FILE), modelId: 'm1', variant: 'RF', bytes },
      [bytes.buffer],
    );
    // Transferred: the main thread's buffer is detached at once.
    expect(bytes.byteLength).toBe(0);
    expect(await written).toBeNull();
    expect(getWasteForest(db, 'm1', 'RF')).toEqual(expected);
  });
});
