/**
 * An import as a flow on the job queue (REDIS_URL): the plan writes the source row and lists the
 * file's pipelines; one task per pipeline reads, segments, summarises, lays out and writes that
 * pipeline's trace (keyed by source and ordinal: a retried task writes at most once); the
 * aggregate, once every task finished, counts what was written and computes the corpus
 * statistics into the results cache (the Figures page is warm when the import is done).
 */
import { rm } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { FanOut, Progress } from '../jobs/job-queue.ts';
import { JobError } from '../jobs/job-queue.ts';
import { pipelineProgress } from '../jobs/pipeline-progress.ts';
import { openWorkerStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { whileUnreachable } from '../store/while-unreachable.ts';
import type { ImportRequest } from './import-request.ts';
import { partsDir } from './pipeline-parts.ts';
import type {
  ImportPlan,
  PipelineResult,
  PipelineTask,
  PipelineThreadInput,
  PipelineThreadOutput,
} from './pipeline-task-messages.ts';

const PIPELINE_TASK_URL = new URL('./pipeline-task-entry.ts', import.meta.url);

/** The import's flow over the store at `storeLocation` (SQLite file or PostgreSQL URL). */
export class FanOutImport implements FanOut<ImportRequest> {
  private connection: Store | undefined;
  private readonly storeLocation: string;
  private readonly sourceIdOf: (request: ImportRequest) => string;
  private thread: Worker | undefined;
  private seq = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (output: PipelineThreadOutput) => void; reject: (error: Error) => void }
  >();

  private readonly statsCacheBytes: number;

  /** `statsCacheBytes`: the results cache's budget (STATS_CACHE_BYTES), which the fan-in fills. */
  constructor(
    storeLocation: string,
    sourceIdOf: (request: ImportRequest) => string,
    statsCacheBytes: number,
  ) {
    this.storeLocation = storeLocation;
    this.sourceIdOf = sourceIdOf;
    this.statsCacheBytes = statsCacheBytes;
  }

  /** This process's own connection for the plan, the aggregate and undoing (opened on first use). */
  private get store(): Store {
    this.connection ??= openWorkerStore(this.storeLocation);
    return this.connection;
  }

  async plan(
    request: ImportRequest,
    context: { readonly id: string },
  ): Promise<{ tasks: unknown[]; progress: Progress; carry: readonly string[] }> {
    const output = await this.run({ op: 'plan', path: request.path, name: request.name });
    if (output.type !== 'plan') throw new Error('import: the plan thread answered out of turn');
    const { plan } = output as { plan: ImportPlan };
    // The source row was written when the job was queued: gone now, the import was canceled.
    const sourceId = this.sourceIdOf(request);
    const settled = await whileUnreachable(() =>
      this.store.settleSourceColumns(sourceId, Number(context.id), plan),
    );
    if (!settled)
      throw new JobError('canceled', 'import: the source was deleted during the import');
    return {
      tasks: [...plan.tasks],
      progress: {
        bytesRead: request.size,
        tracesImported: 0,
        tracesTotal: plan.tasks.length,
        graphletsFound: 0,
      },
      carry: plan.warnings,
    };
  }

  /**
   * Writes the source row as the job is queued (before its traces), so every API process sees
   * the import: the same file again is this source, and deleting it cancels the import. The
   * same file queued at once through two API processes: the second job follows the first.
   */
  async claim(request: ImportRequest, jobId: string): Promise<string | undefined> {
    const holder = await this.store.insertSourceOnce({
      id: this.sourceIdOf(request),
      name: request.name,
      sha256: request.sha256,
      size: request.size,
      kind: request.kind,
      format: null,
      schemaVersion: null,
      jobId: Number(jobId),
    });
    return holder === null || String(holder) === jobId ? undefined : String(holder);
  }

  async task(request: ImportRequest, task: unknown): Promise<PipelineResult> {
    const output = await this.run({
      op: 'task',
      path: request.path,
      name: request.name,
      storeLocation: this.storeLocation,
      sourceId: this.sourceIdOf(request),
      task: task as PipelineTask,
    });
    if (output.type !== 'task') throw new Error('import: the task thread answered out of turn');
    const { result } = output as { result: PipelineResult };
    if (result.write === 'gone')
      throw new JobError('canceled', 'import: the source was deleted during the import');
    return result;
  }

  fold(progress: Progress, result: unknown): Progress {
    const { write, graphlets } = result as PipelineResult;
    return pipelineProgress(progress, write !== 'empty', graphlets);
  }

  /** `carry`: the plan's reader warnings, reported in the result as a single import does. */
  async aggregate(
    request: ImportRequest,
    _results: unknown[],
    _context: unknown,
    carry: unknown,
  ): Promise<unknown> {
    const sourceId = this.sourceIdOf(request);
    const counts = await whileUnreachable(() => this.store.finishFannedOutSource(sourceId));
    if (counts === undefined)
      throw new JobError('canceled', 'import: the source was deleted during the import');
    await this.removeFiles(request);
    // The imported traces are all written: statistics warmed now are not refused (a cold
    // Figures page computes them again), so a failure here does not fail the import.
    let statsBytes = 0;
    try {
      const output = await this.run({
        op: 'stats',
        path: request.path,
        name: request.name,
        storeLocation: this.storeLocation,
        limitBytes: this.statsCacheBytes,
      });
      if (output.type === 'stats') statsBytes = output.bytes;
    } catch (error) {
      console.error(`import: ${request.name}: the corpus statistics were not cached`, error);
    }
    const warnings = (carry ?? []) as readonly string[];
    return {
      sourceId,
      traces: counts.traces,
      graphlets: counts.graphlets,
      statsBytes,
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  }

  async abandon(request: ImportRequest, jobId: string): Promise<void> {
    const sourceId = this.sourceIdOf(request);
    // Undone even across a database restart: a source left half written would never import again.
    await whileUnreachable(() => this.store.deleteSourceOfJob(sourceId, Number(jobId)));
    await this.removeFiles(request);
  }

  /** Removes the upload (when the server owns it) and the pipelines the plan split out of it. */
  private async removeFiles(request: ImportRequest): Promise<void> {
    await rm(partsDir(request.path), { recursive: true, force: true });
    if (request.removeAfter) await rm(request.path, { force: true });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    await this.thread?.terminate();
    this.thread = undefined;
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }

  /** Runs one request on the thread (started on first use, again after it died). */
  private run(input: PipelineThreadInput): Promise<PipelineThreadOutput> {
    const thread = this.thread ?? this.startThread();
    const seq = this.seq++;
    return new Promise<PipelineThreadOutput>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      thread.postMessage({ seq, input });
    }).then((output) =>
      output.type === 'failed' ? Promise.reject(new JobError(output.code, output.message)) : output,
    );
  }

  private startThread(): Worker {
    const thread = new Worker(PIPELINE_TASK_URL);
    this.thread = thread;
    thread.on('message', ({ seq, output }: { seq: number; output: PipelineThreadOutput }) => {
      this.waiting.get(seq)?.resolve(output);
      this.waiting.delete(seq);
    });
    const died = (error: Error) => {
      if (this.thread === thread) this.thread = undefined;
      for (const { reject } of this.waiting.values()) reject(error);
      this.waiting.clear();
    };
    thread.on('error', died);
    thread.on('exit', (code) => died(new Error(`import: the task thread stopped (exit ${code})`)));
    return thread;
  }
}
