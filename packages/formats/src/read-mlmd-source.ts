/**
 * The MLMD reader for every backend: opens a store (SQLite file, MySQL/MariaDB or PostgreSQL
 * URL) through its row source and reads traces pipeline by pipeline, rows streamed, each read
 * inside one read-only snapshot. Same traces, in the same order, as readMlmdStore on a file.
 */
import { type Role, type RoleOverride, roleResolver, type Trace } from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { idList, sqlDialect } from './mlmd-dialect.ts';
import { streamTraceRows } from './mlmd-rows.ts';
import { checkSchemaVersion } from './mlmd-schema-version.ts';
import {
  type ScopeKind,
  type StoreColumns,
  scopeNodeSets,
  traceSql,
} from './mlmd-trace-queries.ts';
import { openRowSource } from './open-row-source.ts';
import { type PipelineScope, readPipelineScopes } from './pipeline-scopes.ts';
import { readTraceByIds } from './read-trace-by-ids.ts';
import { allRows, inSnapshot, type RowSource } from './row-source.ts';
import type { StoreLocation } from './store-location.ts';

const REQUIRED_TABLES = ['Type', 'Execution', 'Artifact', 'Event'] as const;

/** The name of the trace holding executions associated with no pipeline. */
export const DEFAULT_PIPELINE = 'default';

/** Options of the store reader. */
export interface OpenMlmdStoreOptions {
  /** Role overrides applied before the built-in mapping of execution type names. */
  readonly roleOverrides?: readonly RoleOverride[];
}

/** An open MLMD store, read-only. */
export interface MlmdStore {
  /** The store as messages name it (a path, or a URL without password). */
  readonly label: string;
  readonly dialect: RowSource['dialect'];
  /** MLMDEnv.schema_version (0 when the store has none). */
  readonly schemaVersion: number;
  /** The row source, for incremental reads (mlmd-changes.ts). */
  readonly source: RowSource;
  /** Column names of each table present. */
  readonly columns: StoreColumns;
  /** Resolves an execution type name to its role. */
  readonly role: (type: string) => Role;
  /** Pipeline scopes sorted by name (in one snapshot). */
  pipelines(): Promise<PipelineScope[]>;
  /**
   * Yields the traces one pipeline at a time, then `default` for executions of no pipeline (if
   * any); with `only`, just the pipelines of those names. One snapshot for the whole iteration.
   */
  traces(only?: readonly string[]): AsyncGenerator<Trace>;
  /** Type names by type id, as the store holds them now. */
  typeNames(): Promise<ReadonlyMap<number, string>>;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Opens the MLMD store at `location`; throws FormatError for stores it cannot read. */
export async function openMlmdStore(
  location: string | StoreLocation,
  options: OpenMlmdStoreOptions = {},
): Promise<MlmdStore> {
  const source = await openRowSource(location);
  try {
    const columns = await source.describe();
    if (REQUIRED_TABLES.some((t) => !columns.has(t))) {
      throw new FormatError(
        'not_mlmd',
        source.label,
        source.dialect === 'sqlite'
          ? 'an SQLite database but not an MLMD store (no Execution/Artifact/Event tables)'
          : 'no MLMD tables (Execution/Artifact/Event) visible to this user: not an MLMD store, or the user lacks SELECT on them',
      );
    }
    let schemaVersion = 0;
    if (columns.has('MLMDEnv')) {
      const table = sqlDialect(source.dialect).table('MLMDEnv');
      const [row] = await allRows(source, `SELECT MAX(schema_version) FROM ${table}`);
      schemaVersion = Number(row?.[0] ?? 0);
    }
    checkSchemaVersion(source.label, schemaVersion);
    return new SourceStore(source, columns, schemaVersion, roleResolver(options.roleOverrides));
  } catch (error) {
    await source.close();
    throw error;
  }
}

class SourceStore implements MlmdStore {
  readonly source: RowSource;
  readonly columns: StoreColumns;
  readonly schemaVersion: number;
  readonly role: (type: string) => Role;

  constructor(
    source: RowSource,
    columns: StoreColumns,
    schemaVersion: number,
    role: (type: string) => Role,
  ) {
    this.source = source;
    this.columns = columns;
    this.schemaVersion = schemaVersion;
    this.role = role;
  }

  get label(): string {
    return this.source.label;
  }

  get dialect(): RowSource['dialect'] {
    return this.source.dialect;
  }

  pipelines(): Promise<PipelineScope[]> {
    return inSnapshot(this.source, () => readPipelineScopes(this.source, this.columns));
  }

  async typeNames(): Promise<ReadonlyMap<number, string>> {
    const names = new Map<number, string>();
    const table = sqlDialect(this.dialect).table('Type');
    for await (const batch of this.source.rows(`SELECT id, name FROM ${table}`)) {
      for (const [id, name] of batch) names.set(Number(id), String(name));
    }
    return names;
  }

  async *traces(only?: readonly string[]): AsyncGenerator<Trace> {
    const wanted = only === undefined ? undefined : new Set(only);
    await this.source.begin();
    try {
      // Types are read inside the snapshot, so every node's type is known.
      const typeNames = await this.typeNames();
      const scopes = await readPipelineScopes(this.source, this.columns);
      if (scopes.length === 0) {
        if (wanted === undefined || wanted.has(DEFAULT_PIPELINE)) {
          yield await this.read(DEFAULT_PIPELINE, 'all', undefined, typeNames);
        }
        return;
      }
      for (const scope of scopes) {
        if (wanted !== undefined && !wanted.has(scope.name)) continue;
        yield await this.read(scope.name, 'pipeline', scope.contextIds, typeNames);
      }
      if (wanted === undefined || wanted.has(DEFAULT_PIPELINE)) {
        const contexts = scopes.flatMap((s) => s.contextIds);
        const orphans = await this.read(DEFAULT_PIPELINE, 'orphans', contexts, typeNames);
        if (orphans.executions.length > 0) yield orphans;
      }
    } finally {
      await this.source.end();
    }
  }

  async close(): Promise<void> {
    await this.source.close();
  }

  private async read(
    pipeline: string,
    kind: ScopeKind,
    contexts: readonly number[] | undefined,
    typeNames: ReadonlyMap<number, string>,
  ): Promise<Trace> {
    const dialect = sqlDialect(this.dialect);
    if (kind === 'all') {
      const sql = traceSql(dialect, this.columns, scopeNodeSets(dialect, this.columns, 'all'));
      return { pipeline, ...(await streamTraceRows(this.source, sql, typeNames, this.role)) };
    }
    const t = dialect.table;
    const list = idList(contexts ?? []);
    const associated = `SELECT execution_id FROM ${t('Association')} WHERE context_id IN (${list})`;
    const executions = await this.ids(
      kind === 'pipeline'
        ? associated
        : `SELECT id FROM ${t('Execution')} WHERE id NOT IN (${dialect.idSet(associated)})`,
    );
    const artifacts =
      kind === 'pipeline' && this.columns.has('Attribution')
        ? await this.ids(
            `SELECT artifact_id FROM ${t('Attribution')} WHERE context_id IN (${list})`,
          )
        : [];
    const rows = await readTraceByIds(
      this.source,
      dialect,
      this.columns,
      { executions, artifacts },
      typeNames,
      this.role,
    );
    return { pipeline, ...rows };
  }

  /** The distinct ids one query returns, ascending. */
  private async ids(sql: string): Promise<number[]> {
    const ids = new Set<number>();
    for await (const batch of this.source.rows(sql)) for (const [x] of batch) ids.add(Number(x));
    return [...ids].sort((a, b) => a - b);
  }
}

/** Reads every trace of the store at `location` (pipeline by pipeline) and its schema version. */
export async function readMlmdSource(
  location: string | StoreLocation,
  options: OpenMlmdStoreOptions = {},
): Promise<{ traces: Trace[]; schemaVersion: number }> {
  const store = await openMlmdStore(location, options);
  try {
    const traces: Trace[] = [];
    for await (const trace of store.traces()) traces.push(trace);
    return { traces, schemaVersion: store.schemaVersion };
  } finally {
    await store.close();
  }
}
