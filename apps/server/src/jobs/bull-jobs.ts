/**
 * Jobs on BullMQ (Redis), for REDIS_URL deployments: API processes queue jobs and follow them
 * through QueueEvents (so any API process streams any job's progress); worker processes run the
 * registered kinds, one queue per slot. A worker killed mid-job (kill -9) stops renewing its lock;
 * BullMQ's stalled check hands the job to another worker, and the kinds write at most once
 * (keyed by source, or by job id). Job rows stay in the store, written by whoever knows the state.
 */
import { isFinalJob, type Job } from '@graphlet/contract';
import { type Job as BullJob, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { JobRows } from '../store/job-rows.ts';
import type { JobQueue } from './job-queue.ts';
import {
  JobError,
  type JobKindOptions,
  type JobKindRunner,
  type Progress,
  QueueFullError,
} from './job-queue.ts';

export interface BullJobsOptions {
  readonly redisUrl: string;
  /** Redis key prefix: deployments (and tests) sharing a Redis keep apart by it. */
  readonly prefix: string;
  /** `api` queues and follows jobs; `worker` runs them. */
  readonly role: 'api' | 'worker';
  readonly queueLimit?: number;
  /** Worker: how long a job's lock lives without renewal before another worker may take it. */
  readonly lockMs?: number;
}

interface Payload {
  readonly input: unknown;
  readonly progress: Progress;
}

interface Live {
  job: Job;
  readonly slot: string;
  readonly listeners: Set<(job: Job) => void>;
  readonly settled: Promise<void>;
  settle: () => void;
}

const SAVE_INTERVAL_MS = 250;

/** BullMQ-backed jobs; see the module comment. */
export class BullJobs implements JobQueue {
  private readonly options: BullJobsOptions;
  private readonly rows: JobRows;
  private readonly kinds = new Map<
    string,
    { runner: JobKindRunner<never>; options: JobKindOptions<never> }
  >();
  private readonly queues = new Map<string, Queue>();
  private readonly events = new Map<string, QueueEvents>();
  private readonly workers: Worker[] = [];
  private readonly live = new Map<string, Live>();
  private readonly running = new Map<string, AbortController>();
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly cancelChannel: string;
  private readonly inputs = new Map<string, unknown>();
  private readonly watchers = new Set<(job: Job) => void>();

  constructor(rows: JobRows, options: BullJobsOptions) {
    this.rows = rows;
    this.options = options;
    this.pub = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.sub = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.cancelChannel = `${options.prefix}:cancel`;
    if (options.role === 'worker') {
      void this.sub.subscribe(this.cancelChannel);
      this.sub.on('message', (_channel, id: string) => this.running.get(id)?.abort());
    }
  }

  /** Registers a kind; in a worker process this starts consuming the kind's slot queue. */
  register<I>(kind: string, runner: JobKindRunner<I>, options: JobKindOptions<I> = {}): void {
    if (this.kinds.has(kind)) throw new Error(`jobs: kind "${kind}" is already registered`);
    this.kinds.set(kind, {
      runner: runner as JobKindRunner<never>,
      options: options as JobKindOptions<never>,
    });
    const slot = options.slot ?? kind;
    if (this.options.role === 'worker' && !this.workers.some((w) => w.name === slot)) {
      this.workers.push(
        new Worker(slot, (job) => this.process(job), {
          connection: redisOptions(this.options.redisUrl),
          prefix: this.options.prefix,
          concurrency: 1,
          lockDuration: this.options.lockMs ?? 30_000,
          stalledInterval: Math.min(30_000, this.options.lockMs ?? 30_000),
          maxStalledCount: 2,
        }),
      );
    } else if (this.options.role === 'api') {
      this.follow(slot);
    }
  }

  start<I>(kind: string, input: I, progress: Progress = {}): Job {
    const registered = this.kinds.get(kind);
    if (registered === undefined) throw new Error(`jobs: unknown kind "${kind}"`);
    const slot = registered.options.slot ?? kind;
    const queued = [...this.live.values()].filter(
      (l) => l.slot === slot && l.job.state === 'queued',
    ).length;
    if (queued >= (this.options.queueLimit ?? 16)) throw new QueueFullError(slot, 5);
    const job = this.rows.insert(kind, progress);
    let settle = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.live.set(job.id, { job, slot, listeners: new Set(), settled, settle });
    this.inputs.set(job.id, input);
    const payload: Payload = { input, progress };
    this.follow(slot)
      .add(kind, payload, {
        jobId: bullId(job.id),
        attempts: 1,
        removeOnComplete: 1000,
        removeOnFail: 1000,
      })
      .catch((error: Error) =>
        this.change(job.id, {
          state: 'failed',
          error: { code: 'internal', message: `jobs: the queue refused the job: ${error.message}` },
        }),
      );
    return job;
  }

  get(id: string): Job | undefined {
    return this.live.get(id)?.job ?? this.rows.get(id);
  }

  subscribe(id: string, listener: (job: Job) => void): () => void {
    const live = this.live.get(id);
    if (live === undefined) return () => {};
    live.listeners.add(listener);
    return () => live.listeners.delete(listener);
  }

  watch(listener: (job: Job) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  async cancel(id: string): Promise<Job | undefined> {
    const live = this.live.get(id);
    if (live === undefined) return this.get(id);
    const queue = this.follow(live.slot);
    const bullJob = await queue.getJob(bullId(id));
    // A waiting job is removed (it never runs); a running one is told to stop through pub/sub.
    if (bullJob !== undefined && (await bullJob.isWaiting())) {
      try {
        await bullJob.remove();
        const { discard } = this.kinds.get(live.job.kind)!.options;
        discard?.(this.inputs.get(id) as never);
        this.change(id, { state: 'canceled' });
        this.rows.save(live.job);
        return live.job;
      } catch {
        // Taken by a worker meanwhile: cancel it running.
      }
    }
    await this.pub.publish(this.cancelChannel, id);
    await live.settled;
    return live.job;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.events.values()].map((e) => e.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.pub.disconnect();
    this.sub.disconnect();
  }

  /** The queue of a slot, with its events followed (API role). */
  private follow(slot: string): Queue {
    let queue = this.queues.get(slot);
    if (queue !== undefined) return queue;
    const connection = redisOptions(this.options.redisUrl);
    queue = new Queue(slot, { connection, prefix: this.options.prefix });
    this.queues.set(slot, queue);
    const events = new QueueEvents(slot, { connection, prefix: this.options.prefix });
    this.events.set(slot, events);
    events.on('active', ({ jobId }) => this.change(ourId(jobId), { state: 'running' }));
    events.on('progress', ({ jobId, data }) => {
      const doc = data as Job;
      if (typeof doc === 'object' && doc !== null && 'progress' in doc)
        this.change(ourId(jobId), { progress: doc.progress });
    });
    events.on('completed', ({ jobId, returnvalue }) =>
      this.change(ourId(jobId), { state: 'done', result: returnvalue as unknown }),
    );
    events.on('failed', ({ jobId, failedReason }) =>
      this.change(ourId(jobId), ending(failedReason)),
    );
    return queue;
  }

  private change(id: string, change: Partial<Job>): void {
    const live = this.live.get(id);
    if (live === undefined || isFinalJob(live.job)) return;
    live.job = { ...live.job, ...change };
    for (const listener of live.listeners) listener(live.job);
    for (const watcher of this.watchers) watcher(live.job);
    if (isFinalJob(live.job)) {
      this.live.delete(id);
      this.inputs.delete(id);
      live.settle();
    }
  }

  /** Worker role: runs one BullMQ job with its kind's runner; the row records every state. */
  private async process(bullJob: BullJob): Promise<unknown> {
    const registered = this.kinds.get(bullJob.name);
    if (registered === undefined)
      throw new UnrecoverableError(reason('internal', `jobs: unknown kind "${bullJob.name}"`));
    const id = ourId(bullJob.id!);
    const payload = bullJob.data as Payload;
    let job: Job = { id, kind: bullJob.name, state: 'running', progress: payload.progress };
    this.rows.save(job);
    const controller = new AbortController();
    this.running.set(id, controller);
    let saved = 0;
    let sending: Promise<void> = Promise.resolve();
    try {
      const result = await registered.runner(payload.input as never, {
        id,
        signal: controller.signal,
        progress: (update) => {
          job = { ...job, progress: { ...job.progress, ...update } };
          // Every update reaches the API's event streams, in order; the row at most every 250 ms.
          const sent = job;
          sending = sending.then(() => bullJob.updateProgress(sent)).catch(() => {});
          const now = Date.now();
          if (now - saved < SAVE_INTERVAL_MS) return;
          saved = now;
          this.rows.save(job);
        },
      });
      await sending;
      if (controller.signal.aborted) throw new Error('canceled');
      this.rows.save({ ...job, state: 'done', result });
      return result;
    } catch (error) {
      const ended: Job = controller.signal.aborted
        ? { ...job, state: 'canceled' }
        : error instanceof JobError
          ? { ...job, state: 'failed', error: { code: error.code, message: error.message } }
          : {
              ...job,
              state: 'failed',
              error: { code: 'internal', message: `jobs: ${(error as Error).message}` },
            };
      if (ended.state === 'failed' && ended.error?.code === 'internal')
        console.error(`jobs: ${job.kind} job ${id} failed`, error);
      this.rows.save(ended);
      throw new UnrecoverableError(
        ended.state === 'canceled'
          ? reason('canceled', 'canceled')
          : reason(ended.error!.code, ended.error!.message),
      );
    } finally {
      this.running.delete(id);
    }
  }
}

/** BullMQ refuses integer job ids: ours (the store's row ids) are prefixed. */
const bullId = (id: string) => `job-${id}`;
const ourId = (jobId: string) => jobId.replace(/^job-/, '');

/** ioredis options from a redis:// URL (BullMQ opens its own connections from them). */
function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port === '' ? 6379 : Number(u.port),
    ...(u.username === '' ? {} : { username: decodeURIComponent(u.username) }),
    ...(u.password === '' ? {} : { password: decodeURIComponent(u.password) }),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** A failure as BullMQ carries it (its reason is a string). */
function reason(code: string, message: string): string {
  return JSON.stringify({ code, message });
}

function ending(failedReason: string): Partial<Job> {
  try {
    const { code, message } = JSON.parse(failedReason) as { code: string; message: string };
    if (code === 'canceled') return { state: 'canceled' };
    return { state: 'failed', error: { code, message } };
  } catch {
    return { state: 'failed', error: { code: 'internal', message: `jobs: ${failedReason}` } };
  }
}
