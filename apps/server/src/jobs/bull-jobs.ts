/**
 * Jobs on BullMQ (Redis), for REDIS_URL deployments: API processes queue jobs and follow them
 * through QueueEvents (so any API process streams any job's progress); worker processes run the
 * registered kinds, one queue per slot. A worker killed mid-job (kill -9) stops renewing its lock;
 * BullMQ's stalled check hands the job to another worker, and the kinds write at most once
 * (keyed by source, or by job id). Job rows stay in the store, written by whoever knows the state.
 *
 * A kind with a fan-out runs as a flow (BullMQ parent and children): its job plans the tasks, then
 * adds an aggregate job whose children are the tasks (one queue `<slot>-tasks`, spread over every
 * worker); the aggregate runs once all of them finished. The first failing task fails the flow,
 * and its reason (kept in Redis) makes every other task of the job stop early.
 */
import { hostname } from 'node:os';
import { isFinalJob, type Job } from '@graphlet/contract';
import {
  type Job as BullJob,
  FlowProducer,
  Queue,
  QueueEvents,
  UnrecoverableError,
  Worker,
} from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { JobRows } from '../store/job-rows.ts';
import type { JobQueue } from './job-queue.ts';
import {
  type FanOut,
  type JobContext,
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
  /** A new job's id, unique across processes (the store's sequence); default: the row writer's. */
  readonly allocateId?: (kind: string) => string;
}

interface Payload {
  readonly input: unknown;
  readonly progress: Progress;
  /** An aggregate's: what its plan carried over (FanOut.plan). */
  readonly carry?: unknown;
}

interface Live {
  job: Job;
  readonly slot: string;
  readonly listeners: Set<(job: Job) => void>;
  readonly settled: Promise<void>;
  settle: () => void;
}

const SAVE_INTERVAL_MS = 250;
/** How long the reason a fanned-out job ended is kept, for its tasks still queued. */
const ENDED_TTL_SECONDS = 86_400;
/** After Redis reconnects, how long to wait (commands queued meanwhile are sent) before checking. */
const LOST_CHECK_DELAY_MS = 1_000;

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
  /** Running BullMQ jobs of this worker by their BullMQ id: our job id and its controller. */
  private readonly running = new Map<string, { id: string; controller: AbortController }>();
  /** Jobs that lost their claim to another job and end as it does (see `mirror`). */
  private readonly following = new Set<string>();
  private flows: FlowProducer | undefined;
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
    // While Redis is away ioredis reconnects on its own; its errors are not the jobs' to report.
    for (const client of [this.pub, this.sub]) client.on('error', () => {});
    this.cancelChannel = `${options.prefix}:cancel`;
    if (options.role === 'api') {
      // Redis came back (a restart): jobs it lost (no persistence) would wait forever; fail them.
      let connected = false;
      this.pub.on('ready', () => {
        if (connected) setTimeout(() => void this.failLost(), LOST_CHECK_DELAY_MS).unref();
        connected = true;
      });
    }
    // A cancel stops the job where it runs: a worker's task, or an API process's follower.
    this.sub.subscribe(this.cancelChannel).catch(() => {});
    this.sub.on('message', (_channel, id: string) => {
      for (const run of this.running.values()) if (run.id === id) run.controller.abort();
      this.unfollow(id);
    });
  }

  /** Registers a kind; in a worker process this starts consuming the kind's slot queue. */
  register<I>(kind: string, runner: JobKindRunner<I>, options: JobKindOptions<I> = {}): void {
    if (this.kinds.has(kind)) throw new Error(`jobs: kind "${kind}" is already registered`);
    this.kinds.set(kind, {
      runner: runner as JobKindRunner<never>,
      options: options as JobKindOptions<never>,
    });
    const slot = options.slot ?? kind;
    const queues = options.fanOut === undefined ? [slot] : [slot, tasksQueue(slot)];
    for (const name of queues) {
      if (this.options.role === 'worker') this.consume(name);
      else this.follow(name);
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
    const job = this.rows.insert(kind, progress, this.options.allocateId?.(kind));
    let settle = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.live.set(job.id, { job, slot, listeners: new Set(), settled, settle });
    this.inputs.set(job.id, input);
    const payload: Payload = { input, progress };
    const queue = this.follow(slot);
    // What the fan-out records as the job is queued lands before any of its tasks can run.
    const claimed =
      registered.options.fanOut?.claim?.(input as never, job.id) ?? Promise.resolve(undefined);
    claimed
      .then(async (holder) => {
        if (holder !== undefined) return this.mirror(job.id, holder);
        await queue.add(kind, payload, {
          jobId: bullId(job.id),
          attempts: 1,
          removeOnComplete: 1000,
          removeOnFail: 1000,
        });
      })
      .catch((error: Error) =>
        this.change(job.id, {
          state: 'failed',
          error: {
            code: 'internal',
            message: `jobs: the job could not be queued: ${error.message}`,
          },
        }),
      );
    return job;
  }

  get(id: string): Job | undefined {
    const live = this.live.get(id);
    const row = this.rows.get(id);
    if (live === undefined || row === undefined) return live?.job ?? row;
    // Events reach each API process on their own time: the row, written by the worker, may be
    // ahead (an event missed before this process followed the queue, or not yet delivered).
    if (isFinalJob(row)) this.change(id, row);
    else if (row.state === 'running' && live.job.state === 'queued')
      this.change(id, { state: 'running' });
    return live.job;
  }

  async learn(id: string): Promise<void> {
    const job = this.get(id);
    if (job === undefined || !isFinalJob(job)) await this.rows.learn?.(id);
  }

  subscribe(id: string, listener: (job: Job) => void): () => void {
    const live = this.adopt(id);
    if (live === undefined) return () => {};
    live.listeners.add(listener);
    return () => live.listeners.delete(listener);
  }

  watch(listener: (job: Job) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  async cancel(id: string): Promise<Job | undefined> {
    const live = this.adopt(id);
    if (live === undefined) return this.get(id);
    if (this.unfollow(id)) return live.job;
    // Tasks of a fanned-out job not yet started read this and stop.
    if (this.kinds.get(live.job.kind)?.options.fanOut !== undefined)
      await this.endFlow(id, reason('canceled', 'canceled'));
    const queue = this.follow(live.slot);
    const bullJob = await queue.getJob(bullId(id));
    // A waiting job is removed (it never runs); a running one is told to stop through pub/sub.
    if (bullJob !== undefined && (await bullJob.isWaiting())) {
      try {
        await bullJob.remove();
        const { discard, fanOut } = this.kinds.get(live.job.kind)!.options;
        await fanOut?.abandon(this.inputs.get(id) as never, id);
        discard?.(this.inputs.get(id) as never);
        this.change(id, { state: 'canceled' });
        this.rows.save(live.job);
        return live.job;
      } catch {
        // Taken by a worker meanwhile: cancel it running.
      }
    }
    await this.pub.publish(this.cancelChannel, id);
    // Ended where it ran (a follower in another process ends with no queue event for this one).
    await this.untilEnded(id);
    return live.job;
  }

  /** Cancels job `id` if it follows another here (the holder runs on); false otherwise. */
  private unfollow(id: string): boolean {
    const live = this.live.get(id);
    if (!this.following.delete(id) || live === undefined) return false;
    this.change(id, { state: 'canceled' });
    this.rows.save(live.job);
    return true;
  }

  async close(): Promise<void> {
    // Followers stop checking on their holders (each on its next check).
    this.following.clear();
    await Promise.all(this.workers.map((w) => w.close()));
    await this.flows?.close();
    await Promise.all([...this.events.values()].map((e) => e.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.pub.disconnect();
    this.sub.disconnect();
  }

  /**
   * Job `id` lost its claim to job `holder` (the same work queued through another API process):
   * it runs nothing and ends as the holder ends, with its result.
   */
  private async mirror(id: string, holder: string): Promise<void> {
    this.inputs.delete(id);
    this.following.add(id);
    await this.learn(holder);
    const now = this.get(holder);
    if (now !== undefined && !isFinalJob(now)) this.change(id, { state: 'running' });
    // Until the holder ends, or this job is canceled (the holder runs on for whoever else waits).
    const other = await this.untilEnded(holder, () => !this.following.has(id));
    const live = this.live.get(id);
    if (!this.following.delete(id) || live === undefined) return;
    const ended: Partial<Job> =
      other === undefined
        ? ending(reason('internal', `jobs: job ${holder}, which runs the same work, is gone`))
        : { state: other.state, result: other.result, error: other.error };
    this.rows.save({ ...live.job, ...ended });
    this.change(id, ended);
  }

  /**
   * Job `id` once it ended, or as it is when `stop()` turns true: told by queue events, else by
   * its row, read each second (it may end in another process with no event for this one).
   */
  private async untilEnded(id: string, stop = () => false): Promise<Job | undefined> {
    for (;;) {
      await this.learn(id);
      const job = this.get(id);
      if (job === undefined || isFinalJob(job) || stop()) return job;
      const wait = new Promise((resolve) => setTimeout(resolve, 1000).unref());
      await Promise.race([this.adopt(id)?.settled, wait]);
    }
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
    events.on('active', ({ jobId }) => {
      const { id, part } = partOf(jobId);
      if (part === 'job') this.change(id, { state: 'running' });
    });
    events.on('progress', ({ jobId, data }) => {
      const { id, part } = partOf(jobId);
      const doc = data as Job;
      if (part === 'job' && typeof doc === 'object' && doc !== null && 'progress' in doc)
        this.change(id, { progress: doc.progress });
    });
    events.on('completed', ({ jobId, returnvalue }) => {
      const { id, part } = partOf(jobId);
      const live = this.live.get(id);
      if (live === undefined) return;
      const fanOut = this.fanOutOf(live.job.kind);
      if (part === 'task' && fanOut !== undefined)
        this.change(id, {
          state: 'running',
          progress: fanOut.fold(live.job.progress, returnvalue),
        });
      else if (part === 'aggregate' || fanOut === undefined)
        this.change(id, { state: 'done', result: returnvalue as unknown });
    });
    events.on('failed', ({ jobId, failedReason }) => {
      const { id, part } = partOf(jobId);
      // An aggregate failed by a task says only which child failed: the task's event says why.
      if (part === 'aggregate' && !isReason(failedReason)) return;
      this.change(id, ending(failedReason));
    });
    return queue;
  }

  /** Worker role: consumes a queue, one job at a time. */
  private consume(name: string): void {
    if (this.workers.some((w) => w.name === name)) return;
    this.workers.push(
      new Worker(name, (job) => this.process(job), {
        connection: redisOptions(this.options.redisUrl),
        prefix: this.options.prefix,
        // Recorded on every job it runs (BullMQ's processedBy): which process ran a task.
        name: `${hostname()}:${process.pid}`,
        concurrency: 1,
        lockDuration: this.options.lockMs ?? 30_000,
        stalledInterval: Math.min(30_000, this.options.lockMs ?? 30_000),
        maxStalledCount: 2,
      }),
    );
  }

  /** The live entry of a job, followed from its row when another API process started it. */
  private adopt(id: string): Live | undefined {
    const known = this.live.get(id);
    if (known !== undefined) return known;
    const job = this.rows.get(id);
    const registered = job === undefined ? undefined : this.kinds.get(job.kind);
    if (job === undefined || registered === undefined || isFinalJob(job)) return undefined;
    let settle = () => {};
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const live: Live = {
      job,
      slot: registered.options.slot ?? job.kind,
      listeners: new Set(),
      settled,
      settle,
    };
    this.live.set(id, live);
    return live;
  }

  private fanOutOf(kind: string): FanOut<never> | undefined {
    return this.kinds.get(kind)?.options.fanOut;
  }

  /** Fails the unfinished jobs Redis no longer holds (restarted without persistence). */
  private async failLost(): Promise<void> {
    for (const [id, live] of this.live) {
      // A job following another ends as that one does.
      if (isFinalJob(live.job) || this.following.has(id)) continue;
      try {
        const queue = this.follow(live.slot);
        const held =
          (await queue.getJob(bullId(id))) ?? (await queue.getJob(`${bullId(id)}-aggregate`));
        if (held !== undefined) continue;
      } catch {
        return; // Redis is gone again: the next reconnect checks.
      }
      const { options } = this.kinds.get(live.job.kind)!;
      const error = {
        code: 'interrupted',
        message: 'jobs: the job queue (Redis) restarted and lost this job; start it again',
      };
      const input = this.inputs.get(id);
      if (input !== undefined) {
        if (options.fanOut !== undefined) await options.fanOut.abandon(input as never, id, error);
        else options.discard?.(input as never);
      }
      const failed: Job = { ...live.job, state: 'failed', error };
      this.rows.save(failed);
      this.change(id, failed);
    }
  }

  /** Records why a fanned-out job ended (the first reason wins); its other tasks then stop. */
  private async endFlow(id: string, why: string): Promise<void> {
    await this.pub.set(this.endedKey(id), why, 'EX', ENDED_TTL_SECONDS, 'NX');
  }

  private endedKey(id: string): string {
    return `${this.options.prefix}:ended:${id}`;
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

  /**
   * Worker role: records a job's end, written to the store before the queue announces it, so
   * any API process that hears of the end reads the same row.
   */
  private async end(job: Job): Promise<void> {
    this.rows.save(job);
    await this.rows.written?.();
  }

  /** Worker role: runs one BullMQ job (a job, or a task or aggregate of a fanned-out one). */
  private async process(bullJob: BullJob): Promise<unknown> {
    const [kind, step] = bullJob.name.split('/') as [string, string | undefined];
    const registered = this.kinds.get(kind);
    if (registered === undefined)
      throw new UnrecoverableError(reason('internal', `jobs: unknown kind "${kind}"`));
    const { id } = partOf(bullJob.id!);
    const controller = new AbortController();
    this.running.set(bullJob.id!, { id, controller });
    try {
      const fanOut = registered.options.fanOut;
      if (fanOut === undefined) return await this.runJob(bullJob, id, registered, controller);
      return await this.runFlowStep(bullJob, id, kind, step, fanOut, controller);
    } finally {
      this.running.delete(bullJob.id!);
    }
  }

  /** Runs a job with its kind's runner; the row records every state. */
  private async runJob(
    bullJob: BullJob,
    id: string,
    registered: { runner: JobKindRunner<never> },
    controller: AbortController,
  ): Promise<unknown> {
    const payload = bullJob.data as Payload;
    const start: Job = { id, kind: bullJob.name, state: 'running', progress: payload.progress };
    this.rows.save(start);
    const report = this.reporter(bullJob, start);
    try {
      const result = await registered.runner(payload.input as never, {
        id,
        signal: controller.signal,
        progress: report.progress,
      });
      await report.sent();
      if (controller.signal.aborted) throw new Error('canceled');
      await this.end({ ...report.job(), state: 'done', result });
      return result;
    } catch (error) {
      const ended = endedJob(report.job(), error, controller.signal.aborted);
      await this.end(ended);
      throw new UnrecoverableError(reasonOf(ended));
    }
  }

  /**
   * A running job's progress reporter: every update reaches the API's event streams (the
   * BullMQ job's progress), in order; the row at most every 250 ms. `job()` is the job now.
   */
  private reporter(bullJob: BullJob, start: Job) {
    let job = start;
    let saved = Date.now();
    let sending: Promise<void> = Promise.resolve();
    return {
      job: () => job,
      sent: () => sending,
      progress: (update: Progress) => {
        job = { ...job, progress: { ...job.progress, ...update } };
        const sent = job;
        sending = sending.then(() => bullJob.updateProgress(sent)).catch(() => {});
        const now = Date.now();
        if (now - saved < SAVE_INTERVAL_MS) return;
        saved = now;
        this.rows.save(job);
      },
    };
  }

  /**
   * One step of a fanned-out job: the plan (adds the flow: an aggregate whose children are the
   * tasks), a task, or the aggregate. A failing step records the reason for the other tasks,
   * undoes what the tasks wrote, and fails the job.
   */
  private async runFlowStep(
    bullJob: BullJob,
    id: string,
    kind: string,
    step: string | undefined,
    fanOut: FanOut<never>,
    controller: AbortController,
  ): Promise<unknown> {
    const payload = bullJob.data as Payload & { task?: unknown };
    const input = payload.input as never;
    let job: Job = { id, kind, state: 'running', progress: payload.progress };
    const context: JobContext = { id, signal: controller.signal, progress: () => {} };
    try {
      const ended = await this.pub.get(this.endedKey(id));
      if (ended !== null) throw new UnrecoverableError(ended);
      if (step === 'task') {
        const result = await fanOut.task(input, payload.task, context);
        if (controller.signal.aborted) throw new JobError('canceled', 'canceled');
        return result;
      }
      if (step === 'aggregate') {
        const results = Object.values(await bullJob.getChildrenValues());
        job = { ...job, progress: results.reduce((p, r) => fanOut.fold(p, r), job.progress) };
        const result = await fanOut.aggregate(input, results, context, payload.carry);
        await this.end({ ...job, state: 'done', result });
        return result;
      }
      this.rows.save(job);
      // The plan may report progress (a plan that does the whole job and lists no tasks).
      const report = this.reporter(bullJob, job);
      const plan = await fanOut.plan(input, {
        ...context,
        progress: (update) => {
          report.progress(update);
          job = report.job();
        },
      });
      await report.sent();
      if (controller.signal.aborted) throw new JobError('canceled', 'canceled');
      job = { ...job, progress: { ...job.progress, ...plan.progress } };
      this.rows.save(job);
      await bullJob.updateProgress(job);
      const keep = { removeOnComplete: 1000, removeOnFail: 1000 };
      this.flows ??= new FlowProducer({
        connection: redisOptions(this.options.redisUrl),
        prefix: this.options.prefix,
      });
      // Ids derive from the job's: a plan retried after a crash adds the same flow, not a second.
      await this.flows.add({
        name: `${kind}/aggregate`,
        queueName: bullJob.queueName,
        data: {
          input: payload.input,
          progress: job.progress,
          carry: plan.carry,
        } satisfies Payload,
        opts: { jobId: `${bullJob.id}-aggregate`, ...keep },
        children: plan.tasks.map((task, i) => ({
          name: `${kind}/task`,
          queueName: tasksQueue(bullJob.queueName),
          data: { input: payload.input, progress: {}, task },
          opts: { jobId: `${bullJob.id}-task-${i + 1}`, failParentOnFailure: true, ...keep },
        })),
      });
      return { tasks: plan.tasks.length };
    } catch (error) {
      const why =
        error instanceof UnrecoverableError
          ? error.message
          : reasonOf(endedJob(job, error, controller.signal.aborted));
      await this.endFlow(id, why);
      try {
        await fanOut.abandon(input, id, ending(why).error);
      } catch (undo) {
        console.error(`jobs: ${kind} job ${id}: undoing its tasks' writes failed`, undo);
      }
      const first = (await this.pub.get(this.endedKey(id))) ?? why;
      // A late task of a job already ended (by another task, or failed as lost) keeps its row.
      const recorded = this.rows.get(id);
      if (recorded === undefined || !isFinalJob(recorded))
        await this.end({ ...job, ...ending(first) });
      throw new UnrecoverableError(first);
    }
  }
}

/** The queue of a slot's fanned-out tasks. */
const tasksQueue = (slot: string) => `${slot}-tasks`;

/** Which job a BullMQ job belongs to, and which part of it it is. */
function partOf(bullJobId: string): { id: string; part: 'job' | 'task' | 'aggregate' } {
  const match = /^job-(\d+)(?:-(task|aggregate))?/.exec(bullJobId);
  if (match === null) return { id: bullJobId, part: 'job' };
  return { id: match[1]!, part: (match[2] as 'task' | 'aggregate' | undefined) ?? 'job' };
}

/** The job ended by `error` (canceled when its signal was aborted). */
function endedJob(job: Job, error: unknown, aborted: boolean): Job {
  if (aborted || (error instanceof JobError && error.code === 'canceled'))
    return { ...job, state: 'canceled' };
  if (error instanceof JobError)
    return { ...job, state: 'failed', error: { code: error.code, message: error.message } };
  console.error(`jobs: ${job.kind} job ${job.id} failed`, error);
  return {
    ...job,
    state: 'failed',
    error: { code: 'internal', message: `jobs: ${(error as Error).message}` },
  };
}

/** The BullMQ failure reason of an ended job. */
function reasonOf(ended: Job): string {
  return ended.state === 'canceled'
    ? reason('canceled', 'canceled')
    : reason(ended.error!.code, ended.error!.message);
}

/** BullMQ refuses integer job ids: ours (the store's row ids) are prefixed. */
const bullId = (id: string) => `job-${id}`;

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

/** Whether a failure reason is one of ours (JSON with a code), not BullMQ's own. */
function isReason(failedReason: string): boolean {
  try {
    return typeof (JSON.parse(failedReason) as { code?: unknown }).code === 'string';
  } catch {
    return false;
  }
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
