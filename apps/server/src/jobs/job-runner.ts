/**
 * Background jobs by kind: a registry of runners, a bounded queue per slot (imports and
 * trainings do not wait for each other), cancellation, progress fan-out to subscribers
 * (server-sent events) and a row per job in the store.
 */
import { isFinalJob, type Job } from '@graphlet/contract';
import type { JobRows } from '../store/job-rows.ts';
import {
  JobError,
  type JobKindOptions,
  type JobKindRunner,
  type JobQueue,
  type Progress,
  QueueFullError,
} from './job-queue.ts';

/** How many jobs of each slot run at once (1 for slots not named) and how many may wait. */
export interface JobRunnerOptions {
  readonly slots?: Readonly<Record<string, number>>;
  readonly queueLimit?: number;
}

interface Entry {
  job: Job;
  readonly slot: string;
  readonly run: () => Promise<unknown>;
  readonly discard: () => void;
  readonly controller: AbortController;
  readonly listeners: Set<(job: Job) => void>;
  canceled: boolean;
  lastSaved: number;
  started: number;
  settled?: Promise<void>;
}

interface Slot {
  readonly concurrency: number;
  readonly queue: Entry[];
  running: number;
  /** Mean run time of finished jobs (ms), for Retry-After. */
  meanMs: number;
}

const SAVE_INTERVAL_MS = 250;
const DEFAULT_QUEUE_LIMIT = 16;

/** Runs registered job kinds, each slot at its own concurrency. */
export class JobRunner implements JobQueue {
  private readonly rows: JobRows;
  private readonly options: JobRunnerOptions;
  private readonly kinds = new Map<
    string,
    { runner: JobKindRunner<never>; options: JobKindOptions<never> }
  >();
  private readonly slots = new Map<string, Slot>();
  private readonly live = new Map<string, Entry>();
  private readonly watchers = new Set<(job: Job) => void>();
  private closed = false;

  constructor(rows: JobRows, options: JobRunnerOptions = {}) {
    this.rows = rows;
    this.options = options;
  }

  /** Registers the runner of a job kind. */
  register<I>(kind: string, runner: JobKindRunner<I>, options: JobKindOptions<I> = {}): void {
    if (this.kinds.has(kind)) throw new Error(`jobs: kind "${kind}" is already registered`);
    this.kinds.set(kind, {
      runner: runner as JobKindRunner<never>,
      options: options as JobKindOptions<never>,
    });
  }

  /** Queues a job of a registered kind and returns it (state queued); throws QueueFullError. */
  start<I>(kind: string, input: I, progress: Progress = {}): Job {
    const registered = this.kinds.get(kind);
    if (registered === undefined) throw new Error(`jobs: unknown kind "${kind}"`);
    if (this.closed) throw new Error('jobs: the runner is closed');
    const slotName = registered.options.slot ?? kind;
    const slot = this.slot(slotName);
    if (slot.queue.length >= (this.options.queueLimit ?? DEFAULT_QUEUE_LIMIT)) {
      const waitMs = ((slot.queue.length + slot.running) * slot.meanMs) / slot.concurrency;
      throw new QueueFullError(slotName, Math.min(600, Math.max(1, Math.ceil(waitMs / 1000))));
    }
    const runner = registered.runner as JobKindRunner<I>;
    const discard = registered.options.discard as ((input: I) => void) | undefined;
    const job = this.rows.insert(kind, progress);
    const controller = new AbortController();
    const entry: Entry = {
      job,
      slot: slotName,
      controller,
      listeners: new Set(),
      canceled: false,
      lastSaved: 0,
      started: 0,
      discard: () => discard?.(input),
      run: () =>
        runner(input, {
          id: job.id,
          signal: controller.signal,
          progress: (update) =>
            this.update(entry, { progress: { ...entry.job.progress, ...update } }),
        }),
    };
    this.live.set(job.id, entry);
    slot.queue.push(entry);
    // Start on a later tick, so the caller can subscribe before the first change.
    setImmediate(() => this.pump(slot));
    return job;
  }

  /** The job's current document (live or recorded), or undefined. */
  get(id: string): Job | undefined {
    return this.live.get(id)?.job ?? this.rows.get(id);
  }

  async learn(id: string): Promise<void> {
    if (this.get(id) === undefined) await this.rows.learn?.(id);
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

  /**
   * Cancels a queued or running job and waits until its runner stopped; the job ends canceled.
   * A finished job is answered unchanged; undefined when there is no such job.
   */
  async cancel(id: string): Promise<Job | undefined> {
    const entry = this.live.get(id);
    if (entry === undefined) return this.get(id);
    entry.canceled = true;
    const slot = this.slot(entry.slot);
    const queued = slot.queue.indexOf(entry);
    if (queued >= 0) {
      slot.queue.splice(queued, 1);
      this.live.delete(id);
      entry.discard();
      this.update(entry, { state: 'canceled' });
      return entry.job;
    }
    entry.controller.abort();
    await entry.settled;
    return entry.job;
  }

  /** Cancels queued and running jobs (they fail as interrupted) and waits for them to stop. */
  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots.values())
      for (const entry of slot.queue.splice(0)) {
        this.live.delete(entry.job.id);
        entry.discard();
        this.fail(entry, 'interrupted', 'jobs: the server stopped before the job ran');
      }
    const running = [...this.live.values()];
    for (const entry of running) entry.controller.abort();
    await Promise.all(running.map((e) => e.settled));
  }

  private slot(name: string): Slot {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      const concurrency = this.options.slots?.[name] ?? 1;
      slot = { concurrency, queue: [], running: 0, meanMs: 5_000 };
      this.slots.set(name, slot);
    }
    return slot;
  }

  private pump(slot: Slot): void {
    while (!this.closed && slot.running < slot.concurrency && slot.queue.length > 0) {
      const entry = slot.queue.shift()!;
      slot.running++;
      entry.started = Date.now();
      entry.settled = this.execute(entry).finally(() => {
        slot.running--;
        slot.meanMs = 0.7 * slot.meanMs + 0.3 * (Date.now() - entry.started);
        this.live.delete(entry.job.id);
        if (!this.closed) this.pump(slot);
      });
    }
  }

  private async execute(entry: Entry): Promise<void> {
    this.update(entry, { state: 'running' });
    try {
      const result = await entry.run();
      if (entry.controller.signal.aborted) throw new Error('aborted');
      this.update(entry, { state: 'done', result });
    } catch (error) {
      if (entry.canceled) {
        this.update(entry, { state: 'canceled' });
      } else if (entry.controller.signal.aborted) {
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
    if (isFinalJob(entry.job)) return;
    entry.job = { ...entry.job, ...change };
    const now = Date.now();
    // Progress can arrive thousands of times per second; the row is written at most every 250 ms.
    if (change.state !== undefined || now - entry.lastSaved >= SAVE_INTERVAL_MS) {
      this.rows.save(entry.job);
      entry.lastSaved = now;
    }
    for (const listener of entry.listeners) listener(entry.job);
    for (const watcher of this.watchers) watcher(entry.job);
  }
}
