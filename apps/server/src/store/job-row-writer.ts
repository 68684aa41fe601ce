/**
 * Job rows written without ever waiting on the store's write lock: an import worker may hold it
 * for seconds while it commits, and a blocked write on the main thread would stall every request.
 * Rows go through their own connection with no busy timeout; a busy store leaves the latest row
 * pending and retried on a timer. Ids are allocated here, so a new job never waits either. Its
 * commits never checkpoint: they would copy whatever a worker's import left in the WAL.
 */
import { DatabaseSync } from 'node:sqlite';
import type { Job } from '@graphlet/contract';
import { getJobRow, type JobRows, saveJob } from './job-rows.ts';

const RETRY_MS = 25;

/** Writes job rows as soon as the store allows, keeping unwritten ones readable. */
export class JobRowWriter implements JobRows {
  private readonly db: DatabaseSync;
  private readonly pending = new Map<string, { job: Job; created: string }>();
  private nextId: number;
  private timer: NodeJS.Timeout | undefined;

  /** `file`: the store file (already migrated by the main connection). */
  constructor(file: string) {
    this.db = new DatabaseSync(file);
    this.db.exec('PRAGMA busy_timeout = 0');
    // Nor on copying WAL pages into the store file: writers on worker threads do that.
    this.db.exec('PRAGMA wal_autocheckpoint = 0');
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'jobs'").get() as
      | { seq: number }
      | undefined;
    const max = this.db.prepare('SELECT MAX(id) AS id FROM jobs').get() as { id: number | null };
    this.nextId = Math.max(row?.seq ?? 0, max.id ?? 0) + 1;
  }

  /** A new queued job with the next id (or `id`, allocated elsewhere); its row is written in the background. */
  insert(kind: string, progress: Job['progress'], id = String(this.nextId++)): Job {
    const job: Job = { id, kind, state: 'queued', progress };
    this.pending.set(job.id, { job, created: new Date().toISOString() });
    this.flush();
    return job;
  }

  /** Records the job's current document (written now, or on a later tick when the store is busy). */
  save(job: Job): void {
    const created = this.pending.get(job.id)?.created;
    this.pending.set(job.id, { job, created: created ?? '' });
    this.flush();
  }

  /** The job's recorded document, pending ones included. */
  get(id: string): Job | undefined {
    return this.pending.get(id)?.job ?? getJobRow(this.db, id);
  }

  /** Writes what is pending, waiting for the lock (for shutdown), and closes the connection. */
  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.db.exec('PRAGMA busy_timeout = 30000');
    this.flush();
    this.db.close();
  }

  private flush(): void {
    try {
      for (const [id, { job, created }] of this.pending) {
        this.write(job, created);
        this.pending.delete(id);
      }
    } catch (error) {
      if (!isBusy(error)) throw error;
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, RETRY_MS);
      this.timer.unref();
    }
  }

  private write(job: Job, created: string): void {
    if (created !== '') {
      this.db
        .prepare(
          "INSERT OR IGNORE INTO jobs (id, kind, state, progress, created, updated) VALUES (?, ?, 'queued', '{}', ?, ?)",
        )
        .run(Number(job.id), job.kind, created, created);
    }
    saveJob(this.db, job);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { errcode?: number }).errcode;
  // SQLITE_BUSY and its extended codes (the low byte is 5).
  return code !== undefined && (code & 0xff) === 5;
}
