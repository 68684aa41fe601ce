/**
 * A sync on the job queue (REDIS_URL). A first sync fans out per pipeline, as an import does: the
 * plan takes the store's watermark and lists its pipelines; one task per pipeline, on any worker,
 * reads that pipeline whole on the connection's worker thread, segments it and writes its trace
 * at the ordinal the plan gave it (a pipeline stored already keeps its own), replacing what is
 * there, so a retried task writes it once and tasks write side by side; the aggregate records
 * the watermark and caches the corpus statistics. A later sync reads the changes since the
 * watermark in one pass: its plan runs it whole and lists no tasks.
 */
import { DEFAULT_PIPELINE, FormatError, openMlmdStore, readWatermark } from '@graphlet/formats';
import { type FanOut, type JobContext, JobError, type Progress } from '../jobs/job-queue.ts';
import { pipelineProgress } from '../jobs/pipeline-progress.ts';
import { runSync } from './run-sync.ts';
import {
  failConnection,
  type OpenedConnection,
  openConnection,
  roleOverridesOf,
  type SyncDeps,
  type SyncInput,
  syncResult,
} from './sync-connection.ts';
import { NO_CHANGES } from './sync-messages.ts';
import { SyncPublisher } from './sync-publisher.ts';

/** One pipeline of a first sync, and the ordinal of its trace (planned, so tasks write side by side). */
interface SyncTask {
  readonly pipeline: string;
  readonly ordinal: number;
}

/** What a task wrote: its trace (null: no such trace, the store's empty `default`). */
interface SyncTaskResult {
  readonly traceId: string | null;
  readonly graphlets: number;
}

/** The plan's word to the aggregate: a later sync's result, or a first sync's watermark. */
type SyncCarry =
  | { readonly result: unknown }
  | { readonly watermark: string; readonly schemaVersion: number };

/** The sync kind's flow; see the module comment. */
export class SyncFanOut implements FanOut<SyncInput> {
  private readonly deps: SyncDeps;
  /** Per connection, the traces this process's tasks wrote and has yet to publish. */
  private readonly publishers = new Map<string, SyncPublisher>();

  constructor(deps: SyncDeps) {
    this.deps = deps;
  }

  async plan(
    input: SyncInput,
    context: JobContext,
  ): Promise<{ tasks: SyncTask[]; progress: Progress; carry: SyncCarry }> {
    const id = input.connectionId;
    const known = await this.deps.store.getConnection(id);
    if (known !== undefined && known.watermark !== null)
      return { tasks: [], progress: {}, carry: { result: await runSync(this.deps, id, context) } };
    const opened = await openConnection(this.deps, id);
    await this.deps.store.setConnectionState(
      id,
      'syncing',
      opened.connection.doc.reason,
      context.id,
    );
    await this.deps.announce(id);
    const { watermark, schemaVersion, pipelines } = await this.list(opened);
    // A pipeline stored already (an earlier sync that stopped part way) keeps its ordinal.
    const stored = new Map(
      (await this.deps.store.listTraceOrdinals(id)).map((t) => [t.pipeline, t.ordinal]),
    );
    let next = [...stored.values()].reduce((a, b) => Math.max(a, b), 0);
    // Executions of no pipeline form a `default` trace after the pipelines (if there are any).
    const tasks = [...pipelines, DEFAULT_PIPELINE].map((pipeline) => ({
      pipeline,
      ordinal: stored.get(pipeline) ?? ++next,
    }));
    return {
      tasks,
      progress: { full: 1, tracesImported: 0, tracesTotal: tasks.length, graphletsFound: 0 },
      carry: { watermark, schemaVersion },
    };
  }

  async task(input: SyncInput, task: unknown, context: JobContext): Promise<SyncTaskResult> {
    const id = input.connectionId;
    const { pipeline, ordinal } = task as SyncTask;
    const { label, location } = await openConnection(this.deps, id);
    let written: SyncTaskResult = { traceId: null, graphlets: 0 };
    const outcome = await this.deps.worker(id).run(
      {
        location,
        watermark: null,
        only: [pipeline],
        roleOverrides: await roleOverridesOf(this.deps, id),
      },
      context,
      {
        onOpened: () => {},
        onTrace: async (trace) => {
          const traceId = await this.deps.store.putConnectionTrace(id, ordinal, trace);
          if (traceId === undefined)
            throw new JobError('not_found', `sync: the connection "${id}" was removed`);
          written = { traceId, graphlets: trace.graphlets.length };
          await this.publisher(id).add(traceId);
        },
        // Asked only when extending a stored trace from changes, which a task never reads.
        storedPayload: () => Promise.resolve(undefined),
      },
    );
    if (!outcome.ok) throw new JobError(outcome.code, `sync: ${label}: ${outcome.problem}`);
    return written;
  }

  fold(progress: Progress, result: unknown): Progress {
    const { traceId, graphlets } = result as SyncTaskResult;
    return pipelineProgress(progress, traceId !== null, graphlets);
  }

  async aggregate(
    input: SyncInput,
    results: unknown[],
    _context: JobContext,
    carry: unknown,
  ): Promise<unknown> {
    const plan = carry as SyncCarry;
    if ('result' in plan) return plan.result;
    const id = input.connectionId;
    if ((await this.deps.store.getConnection(id)) === undefined)
      throw new JobError('not_found', `sync: the connection "${id}" was removed`);
    await this.deps.store.finishSync(id, plan.watermark, plan.schemaVersion);
    await this.publisher(id).flush();
    this.publishers.delete(id);
    // The traces are all written: a failure here leaves a cold Figures page, not a failed sync.
    await this.deps.warmStatistics?.().catch((error: unknown) => {
      console.error(`sync: ${id}: the corpus statistics were not cached`, error);
    });
    await this.deps.announce(id);
    const written = results
      .map((r) => (r as SyncTaskResult).traceId)
      .filter((traceId): traceId is string => traceId !== null);
    return syncResult(id, true, written, 0, NO_CHANGES);
  }

  /**
   * Records on the connection why its sync stopped (what the tasks wrote stays: the next sync,
   * again a full one, replaces it), unless the plan or a whole sync recorded it already.
   */
  async abandon(
    input: SyncInput,
    jobId: string,
    error?: { readonly code: string; readonly message: string },
  ): Promise<void> {
    const id = input.connectionId;
    await this.publishers.get(id)?.settle();
    this.publishers.delete(id);
    const connection = await this.deps.store.getConnection(id);
    if (connection?.doc.state !== 'syncing' || connection.doc.jobId !== jobId) return;
    await failConnection(
      this.deps,
      id,
      error ?? {
        code: 'interrupted',
        message: `sync: ${connection.doc.location}: the sync was stopped`,
      },
    );
  }

  /** The store's watermark (taken first: what lands meanwhile is read again next time) and pipelines. */
  private async list(opened: OpenedConnection) {
    try {
      const store = await openMlmdStore(opened.location);
      try {
        const watermark = JSON.stringify(await readWatermark(store));
        const pipelines = (await store.pipelines()).map((p) => p.name);
        return { watermark, schemaVersion: store.schemaVersion, pipelines };
      } finally {
        await store.close();
      }
    } catch (error) {
      if (error instanceof FormatError)
        throw new JobError(error.code, `sync: ${opened.label}: ${error.problem}`);
      throw error;
    }
  }

  private publisher(id: string): SyncPublisher {
    let publisher = this.publishers.get(id);
    if (publisher === undefined) {
      publisher = new SyncPublisher(this.deps, id);
      this.publishers.set(id, publisher);
    }
    return publisher;
  }
}
