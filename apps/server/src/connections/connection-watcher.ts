/**
 * Keeps connections in sync: one `sync` job per connection at a time, the next one scheduled
 * `pollSeconds` after a sync ends, or sooner after a failure (backoff from `retryMs`, doubling,
 * at most five minutes) while the store is unreachable; on demand through `syncNow`.
 */
import { type Connection, isFinalJob, type Job } from '@graphlet/contract';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { StoredConnection } from '../store/connection-rows.ts';
import type { Store } from '../store/store.ts';
import { TRANSIENT_CODES } from './sync-connection.ts';
import { SYNC_JOB } from './sync-job.ts';

const MAX_BACKOFF_MS = 5 * 60_000;

interface Schedule {
  readonly timer: NodeJS.Timeout;
  readonly at: number;
}

/** Schedules and starts the sync jobs of every connection. */
export class ConnectionWatcher {
  private readonly store: Store;
  private readonly jobs: JobQueue;
  private readonly retryMs: number;
  private readonly schedules = new Map<string, Schedule>();
  private readonly running = new Map<string, Job>();
  private readonly failures = new Map<string, number>();
  private closed = false;

  constructor(store: Store, jobs: JobQueue, retryMs: number) {
    this.store = store;
    this.jobs = jobs;
    this.retryMs = retryMs;
  }

  /** Syncs every stored connection soon (catching up on what changed while the server was down). */
  async start(): Promise<void> {
    for (const c of await this.store.listConnections()) this.schedule(c.doc.id, 0);
  }

  /**
   * The running sync of the connection, or a new one started now. A sync another API process
   * started (the connection row names its job) is answered too, so replicas polling the same
   * connection rarely run two syncs at once (and two would write the same traces once each).
   */
  async syncNow(id: string): Promise<Job> {
    const running = this.running.get(id);
    if (running !== undefined) return this.jobs.get(running.id) ?? running;
    const stored = (await this.store.getConnection(id))?.doc.jobId;
    const elsewhere = stored === null || stored === undefined ? undefined : this.jobs.get(stored);
    if (elsewhere !== undefined && !isFinalJob(elsewhere) && elsewhere.kind === SYNC_JOB)
      return this.follow(id, elsewhere);
    const again = this.running.get(id);
    if (again !== undefined) return this.jobs.get(again.id) ?? again;
    this.unschedule(id);
    return this.follow(id, this.jobs.start(SYNC_JOB, { connectionId: id }, {}));
  }

  /** Follows the connection's sync job until it ends, then schedules the next. */
  private follow(id: string, job: Job): Job {
    this.unschedule(id);
    this.running.set(id, job);
    this.jobs.subscribe(job.id, (update) => {
      if (isFinalJob(update)) void this.finished(id, update);
    });
    return job;
  }

  /** Stops watching a removed connection (a sync running for it stops at its next write). */
  forget(id: string): void {
    this.unschedule(id);
    this.failures.delete(id);
  }

  /** The connection's document with its next scheduled sync. */
  describe(stored: StoredConnection): Connection {
    const at = this.schedules.get(stored.doc.id)?.at;
    return { ...stored.doc, nextSync: at === undefined ? null : new Date(at).toISOString() };
  }

  /** Clears every timer (jobs are stopped by the job runner). */
  close(): void {
    this.closed = true;
    for (const id of [...this.schedules.keys()]) this.unschedule(id);
  }

  private async finished(id: string, job: Job): Promise<void> {
    this.running.delete(id);
    const connection = await this.store.getConnection(id);
    if (connection === undefined || this.closed) return;
    const pollMs = connection.doc.pollSeconds * 1000;
    if (job.state === 'done') {
      this.failures.delete(id);
      this.schedule(id, pollMs);
    } else if (job.error !== undefined && TRANSIENT_CODES.has(job.error.code)) {
      const n = (this.failures.get(id) ?? 0) + 1;
      this.failures.set(id, n);
      this.schedule(id, Math.min(this.retryMs * 2 ** (n - 1), Math.max(pollMs, MAX_BACKOFF_MS)));
    }
    // Other failures (a schema this reader does not know, a bug) wait for "Sync now".
  }

  private schedule(id: string, delayMs: number): void {
    if (this.closed) return;
    this.unschedule(id);
    const timer = setTimeout(async () => {
      this.schedules.delete(id);
      if ((await this.store.getConnection(id)) !== undefined && !this.closed)
        await this.syncNow(id);
    }, delayMs);
    // A pending poll must not keep the process alive.
    timer.unref();
    this.schedules.set(id, { timer, at: Date.now() + delayMs });
  }

  private unschedule(id: string): void {
    const s = this.schedules.get(id);
    if (s === undefined) return;
    clearTimeout(s.timer);
    this.schedules.delete(id);
  }
}
