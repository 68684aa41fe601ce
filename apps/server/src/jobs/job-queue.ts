/**
 * What the routes and job kinds need of background jobs, met by the in-process JobRunner (the
 * default) and by BullJobs (Redis-backed BullMQ, when REDIS_URL is set): adding a kind is one
 * `register(kind, runner, { slot })` call in either.
 */
import type { Job } from '@graphlet/contract';

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

/** A kind's options: the slot its jobs queue and run in (default: a slot of the kind's own). */
export interface JobKindOptions<I> {
  readonly slot?: string;
  /** Releases what a job that never ran holds (canceled or stopped while queued). */
  readonly discard?: (input: I) => void;
  /**
   * Where jobs run on a queue (BullMQ): the job as a flow of one task per part and one aggregate
   * task after them, spread over worker processes. The in-process runner ignores it.
   */
  readonly fanOut?: FanOut<I>;
}

/** A job planned as tasks (each idempotent: a retried task writes at most once) and an aggregate. */
export interface FanOut<I> {
  /**
   * Records what every process must see of job `id` as it is queued, before its plan runs.
   * Answers the id of the job that claimed the same work first (the same file queued through
   * another API process), which job `id` then follows instead of running; else undefined.
   */
  claim?(input: I, id: string): Promise<string | undefined>;
  /**
   * Lists the tasks (a retried plan lists the same ones) and the job's starting progress, with
   * `carry`: what the aggregate needs of the plan (small JSON, such as a reader's warnings).
   */
  plan(
    input: I,
    context: JobContext,
  ): Promise<{ tasks: unknown[]; progress: Progress; carry?: unknown }>;
  /** Runs one task; its result (small JSON) goes to `fold` and to the aggregate. */
  task(input: I, task: unknown, context: JobContext): Promise<unknown>;
  /** The job's progress after one more task finished with `result`. */
  fold(progress: Progress, result: unknown): Progress;
  /** Runs once every task finished (`carry`: the plan's), or at once when there were none: the job's result. */
  aggregate(input: I, results: unknown[], context: JobContext, carry: unknown): Promise<unknown>;
  /**
   * Undoes what job `id`'s tasks wrote (or records that they stopped), when it failed (`error`:
   * why) or was canceled (no error).
   */
  abandon(
    input: I,
    id: string,
    error?: { readonly code: string; readonly message: string },
  ): Promise<void>;
}

/** A failure with a code and a message a person can act on. */
export class JobError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Thrown by `start` when a slot's queue is full; `retryAfterSeconds` estimates when it drains. */
export class QueueFullError extends Error {
  readonly retryAfterSeconds: number;
  constructor(slot: string, retryAfterSeconds: number) {
    super(`jobs: the ${slot} queue is full; retry in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export interface JobQueue {
  /** Registers the runner of a job kind (where jobs run: this process, or a worker process). */
  register<I>(kind: string, runner: JobKindRunner<I>, options?: JobKindOptions<I>): void;
  /** Queues a job and returns it (state queued); throws QueueFullError past the slot's cap. */
  start<I>(kind: string, input: I, progress?: Progress): Job;
  /** The job's current document, or undefined. */
  get(id: string): Job | undefined;
  /** Reads a job this process has not seen yet (another process started it) from the store. */
  learn(id: string): Promise<void>;
  /** Calls `listener` on every change of a live job; returns the unsubscribe function. */
  subscribe(id: string, listener: (job: Job) => void): () => void;
  /** Calls `listener` on every change of every job this process follows; returns the unsubscribe. */
  watch(listener: (job: Job) => void): () => void;
  /** Cancels a queued or running job and waits until it stopped (it ends canceled). */
  cancel(id: string): Promise<Job | undefined>;
  /** Stops taking jobs and waits for running ones to stop. */
  close(): Promise<void>;
}
