/**
 * Job ids from the store's own sequence, for deployments with several API processes: each new
 * job's row is inserted here first (waiting for the write lock a short while), so no two
 * processes hand out the same id.
 */
import { DatabaseSync } from 'node:sqlite';

/** Allocates job ids by inserting queued rows on its own connection. */
export class JobIdSequence {
  private readonly db: DatabaseSync;

  /** `file`: the store file (already migrated). */
  constructor(file: string) {
    this.db = new DatabaseSync(file);
    this.db.exec('PRAGMA busy_timeout = 10000');
  }

  /** The id of a new queued row of `kind`. */
  next(kind: string): string {
    const now = new Date().toISOString();
    const row = this.db
      .prepare(
        "INSERT INTO jobs (kind, state, progress, created, updated) VALUES (?, 'queued', '{}', ?, ?) RETURNING id",
      )
      .get(kind, now, now) as { id: number };
    return String(row.id);
  }

  close(): void {
    this.db.close();
  }
}
