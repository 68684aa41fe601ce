/**
 * Background jobs by kind: a registry of runners, a bounded queue, progress fan-out to
 * subscribers (server-sent events) and a row per job in the store.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Job } from '@graphlet/contract';
import { getJobRow, insertJob, saveJob } from '../store/job-rows.ts';

export type Progress = Job['progress'];

/** What a running job can do: report progress and notice cancellation. */
export interface JobContext {
  /** The job's own id. */
  readonly id: string;
  readonly signal: AbortSignal;
  progress(update: Progress): void;
}

/** Runs one job of a kind; resolves with its result, rejects (ideally with a JobError) on failure. */
export type JobKindRunner<I> = (input: I, context: JobContext) => Promise<unknown>;

/** A failure with a code and a message a person can act on. */
export class JobError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

interface Entry {
  job: Job;
  readonly run: () => Promise<unknown>;
  readonly controller: AbortController;
  readonly listeners: Set<(job: Job) => void>;
  lastSaved: number;
  settled?: Promise<void>;
}

const SAVE_INTERVAL_MS = 250;

/** Runs registered job kinds, at most `concurrency` at once. */
export class JobRunner {
  private readonly db: DatabaseSync;
  private readonly concurrency: number;
  private readonly kinds = new Map<string, JobKindRunner<never>>();
  private readonly live = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private readonly watchers = new Set<(job: Job) => void>();
  private running = 0;
  private closed = false;

  constructor(db: DatabaseSync, concurrency = 2) {
    this.db = db;
    this.concurrency = concurrency;
  }

  /** Registers the runner of a job kind. */
  register<I>(kind: string, runner: JobKindRunner<I>): void {
    if (this.kinds.has(kind)) throw new Error(`jobs: kind "${kind}" is already registered`);
    this.kinds.set(kind, runner as JobKindRunner<never>);
  }

  /** Queues a job of a registered kind and returns it (state queued). */
  start<I>(kind: string, input: I, progress: Progress = {}): Job {
    const runner = this.kinds.get(kind) as JobKindRunner<I> | undefined;
    if (runner === undefined) throw new Error(`jobs: unknown kind "${kind}"`);
    if (this.closed) throw new Error('jobs: the runner is closed');
    const job = insertJob(this.db, kind, progress);
    const controller = new AbortController();
    const entry: Entry = {
      job,
      controller,
      listeners: new Set(),
      lastSaved: 0,
      run: () =>
        runner(input, {
          id: job.id,
          signal: controller.signal,
          progress: (update) =>
            this.update(entry, { progress: { ...entry.job.progress, ...update } }),
        }),
    };
    this.live.set(job.id, entry);
    this.queue.push(entry);
    // Start on a later tick, so the caller can subscribe before the first change.
    setImmediate(() => this.pump());
    return job;
  }

  /** The job's current document (live or recorded), or undefined. */
  get(id: string): Job | undefined {
    return this.live.get(id)?.job ?? getJobRow(this.db, id);
  }

  /** Calls `listener` on every change of a live job; returns the unsubscribe function. */
  subscribe(id: string, listener: (job: Job) => void): () => void {
    const entry = this.live.get(id);
    if (entry === undefined) return () => {};
    entry.listeners.add(listener);
    return () => entry.listeners.delete(listener);
  }

  /** Calls `listener` on every change of every job; returns the unsubscribe function. */
  watch(listener: (job: Job) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  /** Cancels queued and running jobs (they fail as interrupted) and waits for them to stop. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.queue.splice(0))
      this.fail(entry, 'interrupted', 'jobs: the server stopped before the job ran');
    const running = [...this.live.values()];
    for (const entry of running) entry.controller.abort();
    await Promise.all(running.map((e) => e.settled));
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      this.running++;
      entry.settled = this.execute(entry).finally(() => {
        this.running--;
        this.live.delete(entry.job.id);
        if (!this.closed) this.pump();
      });
    }
  }

  private async execute(entry: Entry): Promise<void> {
    this.update(entry, { state: 'running' });
    try {
      const result = await entry.run();
      if (entry.controller.signal.aborted)
        throw new JobError('interrupted', 'jobs: the server stopped during the job');
      this.update(entry, { state: 'done', result });
    } catch (error) {
      if (entry.controller.signal.aborted) {
        this.fail(entry, 'interrupted', 'jobs: the server stopped during the job; start it again');
      } else if (error instanceof JobError) {
        this.fail(entry, error.code, error.message);
      } else {
        console.error(`jobs: ${entry.job.kind} job ${entry.job.id} failed`, error);
        this.fail(entry, 'internal', `jobs: ${(error as Error).message}`);
      }
    }
  }

  private fail(entry: Entry, code: string, message: string): void {
    this.update(entry, { state: 'failed', error: { code, message } });
  }

  private update(entry: Entry, change: Partial<Job>): void {
    if (entry.job.state === 'done' || entry.job.state === 'failed') return;
    entry.job = { ...entry.job, ...change };
    const now = Date.now();
    const final = entry.job.state === 'done' || entry.job.state === 'failed';
    // Progress can arrive thousands of times per second; the row is written at most every 250 ms.
    if (final || change.state !== undefined || now - entry.lastSaved >= SAVE_INTERVAL_MS) {
      try {
        saveJob(this.db, entry.job);
        entry.lastSaved = now;
      } catch (error) {
        // A full disk must not crash the server: the job's state is still answered from memory.
        console.warn(`jobs: job ${entry.job.id} state not saved: ${(error as Error).message}`);
      }
    }
    for (const listener of entry.listeners) listener(entry.job);
    for (const watcher of this.watchers) watcher(entry.job);
  }
}
