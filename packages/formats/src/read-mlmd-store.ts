/**
 * Reads an MLMD SQLite store (schema versions 4 to 10) into traces, one per pipeline context
 * (sorted by name), read-only. Executions not associated with any pipeline form a trace named
 * `default`, after the pipelines; a store without pipeline contexts is one `default` trace.
 */
import type { DatabaseSync } from 'node:sqlite';
import {
  assignRoles,
  type Role,
  type RoleOverride,
  roleClassifier,
  roleResolver,
  type Trace,
} from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { readTraceRows } from './mlmd-rows.ts';
import { scanMlmdTraces } from './mlmd-store-scan.ts';
import {
  prepareTraceStatements,
  type ScopeKind,
  type TraceStatements,
} from './mlmd-trace-queries.ts';
import { type MlmdDatabase, openMlmdDatabase, sqliteFailure } from './open-mlmd-database.ts';
import { pipelineScopes } from './pipeline-scopes.ts';
import { sniffFile } from './sniff-file.ts';

/** Options of the MLMD reader. */
export interface ReadMlmdOptions {
  /** Role overrides applied before the built-in classifier (type names, then task names). */
  readonly roleOverrides?: readonly RoleOverride[];
}

/** Every trace of an MLMD store and the store's schema version; one scan per table. */
export function readMlmdStore(
  path: string,
  options: ReadMlmdOptions = {},
): { traces: Trace[]; schemaVersion: number } {
  const store = openStore(path);
  try {
    const traces = guarded(store, () => {
      const { db, columns } = store;
      const scopes = pipelineScopes(db, columns);
      return scanMlmdTraces(
        db,
        columns,
        scopes,
        typeNamesOf(db),
        roleResolver(options.roleOverrides),
      );
    });
    const classify = roleClassifier(options.roleOverrides);
    return {
      traces: traces.map((t) => assignRoles(t, classify)),
      schemaVersion: store.schemaVersion,
    };
  } finally {
    store.db.close();
  }
}

/** An open MLMD store whose pipelines are read one at a time, by position. */
export interface MlmdPipelineReader {
  /** Pipeline names in reading order; a last `default` stands for executions of no pipeline. */
  readonly pipelines: readonly string[];
  /** MLMDEnv.schema_version (0 when the store has none). */
  readonly schemaVersion: number;
  /** The trace of pipeline `index`; undefined for a `default` without executions. */
  read(index: number): Trace | undefined;
  /** Executions of the store whose type maps to `role` (one indexed count per type). */
  countExecutions(role: Role): number;
  close(): void;
}

/**
 * Opens a store for reading pipeline by pipeline, with a fixed number of indexed queries per
 * pipeline: any pipeline can be read from any thread that opens the store, in any order.
 * @example const r = openMlmdPipelines(path); try { r.read(0); } finally { r.close(); }
 */
export function openMlmdPipelines(path: string, options: ReadMlmdOptions = {}): MlmdPipelineReader {
  const store = openStore(path);
  try {
    const { db, columns } = store;
    const role = roleResolver(options.roleOverrides);
    const classify = roleClassifier(options.roleOverrides);
    const { scopes, typeNames } = guarded(store, () => ({
      scopes: pipelineScopes(db, columns),
      typeNames: typeNamesOf(db),
    }));
    // Prepared once per scope kind and reused: a statement's native memory is freed only when
    // the garbage collector finalizes it, which lagged ~0.5 MB per pipeline read at the paper's
    // scale when six were prepared for every pipeline.
    const prepared = new Map<ScopeKind, TraceStatements>();
    const statements = (kind: ScopeKind) => {
      let s = prepared.get(kind);
      if (s === undefined) {
        s = prepareTraceStatements(db, columns, kind);
        prepared.set(kind, s);
      }
      return s;
    };
    const read = (pipeline: string, kind: ScopeKind, contexts?: string) =>
      guarded(store, () => {
        const params = contexts === undefined ? [] : [contexts];
        const rows = readTraceRows(statements(kind), params, typeNames, role);
        // Kubeflow Pipelines' system.ContainerExecution says its role only by its task name.
        return assignRoles({ pipeline, ...rows }, classify);
      });
    const everyContext = JSON.stringify(scopes.flatMap((s) => s.contextIds));
    return {
      pipelines: [...scopes.map((s) => s.name), 'default'],
      schemaVersion: store.schemaVersion,
      read(index) {
        if (scopes.length === 0) return index === 0 ? read('default', 'all') : undefined;
        const scope = scopes[index];
        if (scope !== undefined) {
          return read(scope.name, 'pipeline', JSON.stringify(scope.contextIds));
        }
        if (index !== scopes.length) throw new RangeError(`formats: no pipeline ${index}`);
        // Each of the six scope queries rebuilds the set of executions outside every pipeline
        // context (minutes and ~1 GB at the paper's scale): ask once whether there are any.
        const any = guarded(store, () => statements('orphans').executions.get(everyContext));
        if (any === undefined) return undefined;
        const orphans = read('default', 'orphans', everyContext);
        return orphans.executions.length > 0 ? orphans : undefined;
      },
      countExecutions: (wanted) =>
        guarded(store, () => {
          let count = 0;
          const rows = db.prepare('SELECT type_id, COUNT(*) AS n FROM Execution GROUP BY type_id');
          for (const row of rows.all()) {
            const name = typeNames.get(Number(row.type_id));
            if (name !== undefined && role(name) === wanted) count += Number(row.n);
          }
          return count;
        }),
      close: () => store.db.close(),
    };
  } catch (error) {
    store.db.close();
    throw error;
  }
}

/**
 * Yields the traces of an MLMD store one at a time, same order and content as readMlmdStore,
 * with a fixed number of indexed queries per pipeline: for stores too large to hold at once.
 */
export function* iterateMlmdTraces(path: string, options: ReadMlmdOptions = {}): Generator<Trace> {
  const reader = openMlmdPipelines(path, options);
  try {
    for (let i = 0; i < reader.pipelines.length; i++) {
      const trace = reader.read(i);
      if (trace !== undefined) yield trace;
    }
  } finally {
    reader.close();
  }
}

function openStore(path: string): MlmdDatabase {
  if (sniffFile(path) === 'json') {
    throw new FormatError('not_sqlite', path, 'a JSON file, not an MLMD SQLite store');
  }
  return openMlmdDatabase(path);
}

function typeNamesOf(db: DatabaseSync): Map<number, string> {
  const names = new Map<number, string>();
  for (const row of db.prepare('SELECT id, name FROM Type').all()) {
    names.set(Number(row.id), String(row.name));
  }
  return names;
}

/** Runs `fn`, turning SQLite errors (a corrupt page, a missing column) into FormatErrors. */
function guarded<T>(store: MlmdDatabase, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    // node:sqlite errors carry code ERR_SQLITE_ERROR; anything else is a bug, not a bad file.
    if ((error as { code?: unknown }).code === 'ERR_SQLITE_ERROR')
      throw sqliteFailure(store.file, error);
    throw error;
  }
}
