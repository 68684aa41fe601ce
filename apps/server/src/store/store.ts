/**
 * The store as the server uses it: domain-level reads and writes, asynchronous so that one
 * interface fits both the embedded node:sqlite store (sqlite-store.ts, which answers with resolved
 * promises) and the PostgreSQL store (postgres/postgres-store.ts, chosen by DATABASE_URL).
 */
import type {
  ConnectionState,
  Job,
  RoleOverrideEntry,
  SearchHit,
  Source,
  TraceSummary,
  WasteModelSummary,
} from '@graphlet/contract';
import type { TrainableCounts } from '@graphlet/waste';
import type { StoredWasteModel } from '../waste/stored-waste-model.ts';
import type { NewConnection, StoredConnection } from './connection-rows.ts';
import type { ImportedSource, ImportedTrace, StoredGraphlet } from './imported-source.ts';
import type { PipelineWrite, SourceColumns } from './pipeline-writes.ts';
import type { TraceUpdate } from './replace-trace.ts';
import type { TraceFilter } from './trace-queries.ts';

/** Which database holds the store. */
export type StoreDialect = 'sqlite' | 'postgres';

/** A stored trace's payload with its ordinal and the roles it was imported with (JSON), for re-segmenting. */
export interface SourceTraceRow {
  readonly id: string;
  readonly ordinal: number;
  readonly trace: string;
  readonly baseRoles: string | null;
}

/** A stored trace of the live source, as a rebuild compares it. */
export interface StoredLiveTrace {
  readonly id: string;
  readonly pipeline: string;
  readonly ordinal: number;
  readonly trace: string;
}

/** What changes on the live source: events appended (the source created if absent), overrides replaced. */
export interface LiveChange {
  readonly events?: readonly string[];
  readonly overrides?: readonly RoleOverrideEntry[];
  /** The source row to create on the first event. */
  readonly create?: { readonly name: string; readonly sha256: string; readonly now: Date };
}

/** What a live rebuild writes: traces (by ordinal; replacing the stored one) and ids to delete. */
export interface LivePlan<R> {
  readonly write: readonly { readonly ordinal: number; readonly trace: ImportedTrace }[];
  readonly delete: readonly string[];
  readonly result: R;
}

/** Plans a live rebuild from every event (in order), the overrides and the stored traces. */
export type LivePlanner<R> = (
  events: readonly { readonly seq: number; readonly event: string }[],
  overrides: readonly RoleOverrideEntry[],
  stored: readonly StoredLiveTrace[],
) => LivePlan<R>;

export interface Store {
  readonly dialect: StoreDialect;

  /** Every source, oldest first. */
  listSources(): Promise<Source[]>;
  /** True when a source has this id. */
  hasSource(id: string): Promise<boolean>;
  /** The source with this sha256 and the id of the job that imported it, if any. */
  findSourceBySha(sha256: string): Promise<{ source: Source; jobId: number | null } | undefined>;
  /** How many graphlets the traces of a source hold. */
  countSourceGraphlets(sourceId: string): Promise<number>;
  /** Deletes a source with everything under it and the cached results; false if absent. */
  deleteSource(id: string): Promise<boolean>;
  /**
   * Writes a source with its traces in one transaction; `checkpoint` runs before each trace and
   * may throw to roll everything back.
   */
  writeImport(source: ImportedSource, now?: Date, checkpoint?: () => void): Promise<void>;

  /**
   * Inserts a fanned-out import's source row unless it exists (its traces come one by one);
   * answers the id of the job the row names (another job's when the same file came first).
   */
  insertSourceOnce(source: Omit<ImportedSource, 'traces'>, now?: Date): Promise<number | null>;
  /** Records what the plan read of the file; false when the source of job `jobId` is gone. */
  settleSourceColumns(sourceId: string, jobId: number, file: SourceColumns): Promise<boolean>;
  /**
   * Writes the `ordinal`-th trace of a source in one transaction: 'exists' when it is stored
   * already (a retried task), 'gone' when the source was deleted meanwhile (a canceled import).
   */
  writePipelineTrace(
    sourceId: string,
    ordinal: number,
    trace: ImportedTrace,
  ): Promise<PipelineWrite>;
  /** A fanned-out source's stored traces and graphlets after its last pipeline; drops cached results. */
  finishFannedOutSource(
    sourceId: string,
  ): Promise<{ traces: number; graphlets: number } | undefined>;
  /** Deletes the source if job `jobId` wrote it (a late task of an older job spares a newer). */
  deleteSourceOfJob(sourceId: string, jobId: number): Promise<boolean>;

  /** Trace summaries matching the filter. */
  listTraces(filter?: TraceFilter): Promise<TraceSummary[]>;
  /** One trace's summary, or undefined. */
  getTraceSummary(id: string): Promise<TraceSummary | undefined>;
  /** The stored Trace JSON text, or undefined. */
  getTracePayload(id: string): Promise<string | undefined>;
  /**
   * What the corpus statistics see in a trace (ImportedTrace.stats): undefined without the trace,
   * null when none is stored (a trace stored before they were).
   */
  getTraceStats(id: string): Promise<string | null | undefined>;
  /** Stores what the corpus statistics see in a trace, measured after it was stored. */
  putTraceStats(id: string, stats: string): Promise<void>;
  /** The trace endpoint JSON, gzipped: undefined without the trace, null when not computed. */
  getTraceLayout(id: string): Promise<Uint8Array | null | undefined>;
  /** Whether the trace's layout is stored (undefined without the trace), reading no layout bytes. */
  hasTraceLayout(id: string): Promise<boolean | undefined>;
  /** Stores the trace endpoint JSON of a trace, gzipped. */
  putTraceLayout(id: string, gzipped: Uint8Array): Promise<void>;
  /** The segmenter's note on a trace, if any. */
  getTraceNote(id: string): Promise<string | undefined>;
  /** A trace's graphlets in index order. */
  listGraphlets(traceId: string): Promise<StoredGraphlet[]>;
  /** Every trace id, in source and ordinal order. */
  listTraceIds(): Promise<string[]>;
  /** The counts a training request is checked against, from the graphlets table alone. */
  trainableCounts(traceIds: readonly string[]): Promise<TrainableCounts>;
  /** A source's traces with payloads and imported roles, by ordinal. */
  listSourceTraces(sourceId: string): Promise<SourceTraceRow[]>;
  /**
   * Writes a connection's trace of `trace.pipeline`, replacing the stored one (same id); returns
   * its id, or undefined when the connection is gone. Idempotent by source and pipeline.
   */
  replaceConnectionTrace(
    connectionId: string,
    trace: ImportedTrace,
    update?: TraceUpdate,
  ): Promise<string | undefined>;
  /**
   * Writes a connection's trace at an ordinal its sync planned (a task of a first sync fanned out
   * per pipeline), replacing what is stored there; tasks of one connection write side by side,
   * and two runs of one task store it once. Its id, or undefined when the connection is gone.
   */
  putConnectionTrace(
    connectionId: string,
    ordinal: number,
    trace: ImportedTrace,
  ): Promise<string | undefined>;
  /** Each stored trace's pipeline and ordinal in a source (what a fanned-out sync plans from). */
  listTraceOrdinals(sourceId: string): Promise<{ pipeline: string; ordinal: number }[]>;
  /** The stored trace JSON of a connection's pipeline (what a later sync extends), if any. */
  getPipelinePayload(sourceId: string, pipeline: string): Promise<string | undefined>;

  /** Corpus-wide substring search over pipelines and nodes. */
  searchCorpus(text: string, limit: number): Promise<{ hits: SearchHit[]; more: boolean }>;

  /** A source's role overrides, in order. */
  listRoleOverrides(sourceId: string): Promise<RoleOverrideEntry[]>;
  /**
   * Replaces a source's overrides and rewrites each of its traces as `rewrite` returns it, in one
   * transaction, clearing cached results.
   */
  rewriteSourceRoles(
    sourceId: string,
    overrides: readonly RoleOverrideEntry[],
    rewrite: (row: SourceTraceRow) => { trace: ImportedTrace; baseRoles: string },
  ): Promise<void>;

  /**
   * Applies `change` to a live source and writes what `plan` makes of its events, in one
   * transaction (size = event count; cached results cleared when traces changed).
   */
  updateLiveSource<R>(sourceId: string, change: LiveChange, plan: LivePlanner<R>): Promise<R>;

  /** The cached JSON under `key`, marked most recently used. */
  getResult(key: string): Promise<string | undefined>;
  /** Caches `value` and evicts the least recently used past `limitBytes`. */
  putResult(key: string, value: string, limitBytes: number): Promise<void>;
  /** Bytes and rows the results cache holds. */
  resultsUsage(): Promise<{ bytes: number; entries: number }>;
  /** Drops every cached result. */
  clearResults(): Promise<void>;
  /**
   * Drops every cached result unless the connection's sync has finished (`ready`): finishing it
   * cleared them after every trace it wrote, and what was cached since holds them all.
   */
  clearResultsUnlessSynced(connectionId: string): Promise<void>;

  /** True once any job was recorded. */
  hasJobs(): Promise<boolean>;
  /** The recorded job, or undefined. */
  getJob(id: string): Promise<Job | undefined>;
  /** Marks queued or running jobs of a previous process failed; returns how many. */
  failUnfinishedJobs(message: string): Promise<number>;

  /** Writes a model and its test graphlets in one transaction. */
  insertWasteModel(model: StoredWasteModel): Promise<void>;
  /** Every model's summary, newest first. */
  listWasteModels(): Promise<WasteModelSummary[]>;
  /** The whole stored model, or undefined. */
  getWasteModel(id: string): Promise<StoredWasteModel | undefined>;
  /** The newest model whose test set holds the graphlet, with its row. */
  findTestGraphlet(
    traceId: string,
    trainer: number,
  ): Promise<{ readonly modelId: string; readonly row: number } | undefined>;
  /** The newest model trained on a scope that holds the trace. */
  latestWasteModelFor(traceId: string): Promise<string | undefined>;
  /** The length of a model's stored JSON text (0 without the model). */
  wasteModelTextBytes(id: string): Promise<number>;
  /** Stores one variant's forest bytes. */
  insertWasteForest(modelId: string, variant: string, forest: Uint8Array): Promise<void>;
  /** A variant's forest bytes, or undefined. */
  getWasteForest(modelId: string, variant: string): Promise<Uint8Array | undefined>;
  /** Drops the forests of a model that never got its row. */
  deleteWasteForests(modelId: string): Promise<void>;
  /** Removes a model with its test graphlets and forests; false if absent. */
  deleteWasteModel(id: string): Promise<boolean>;

  /** Every connection, oldest first. */
  listConnections(): Promise<StoredConnection[]>;
  /** One connection, or undefined. */
  getConnection(id: string): Promise<StoredConnection | undefined>;
  /** Inserts a connection with its (empty) source in one transaction. */
  insertConnection(connection: NewConnection, now?: Date): Promise<void>;
  /** Records a connection's state; false when it is gone. */
  setConnectionState(
    id: string,
    state: ConnectionState,
    reason: string | null,
    jobId?: string,
  ): Promise<boolean>;
  /** Records a finished sync and clears cached results, in one transaction. */
  finishSync(id: string, watermark: string, schemaVersion: number, now?: Date): Promise<void>;

  /** Closes the store's connections. */
  close(): Promise<void>;
}
