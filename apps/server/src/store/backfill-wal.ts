/**
 * Copies a worker's committed pages from the WAL into the store file on the worker's own thread.
 * SQLite's auto-checkpoint copies at most up to the oldest snapshot a reader holds, and when a
 * reader held one over the worker's commit the pages were left for the next writer, the main
 * thread, whose checkpoint of a million-node import held every request for 0.2 to 0.4 s.
 */
import type { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';

interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/**
 * Checkpoints (PASSIVE: it blocks no reader and no writer) until every frame of the WAL is in the
 * store file, trying again while readers hold older snapshots; false when they still do after
 * `attempts` tries `waitMs` apart (the next writer then copies what is left).
 */
export async function backfillWal(db: DatabaseSync, attempts = 80, waitMs = 25): Promise<boolean> {
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  for (let attempt = 1; ; attempt++) {
    const row = checkpoint.get() as CheckpointRow | undefined;
    // log is -1 when the store is not in WAL mode.
    if (row === undefined || row.log <= row.checkpointed) return true;
    if (attempt >= attempts) return false;
    await sleep(waitMs);
  }
}
