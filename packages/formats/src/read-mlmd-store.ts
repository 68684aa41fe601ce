/**
 * Reads an MLMD SQLite store (schema versions 4 to 10) into traces, one per pipeline context
 * (sorted by name), read-only. Executions not associated with any pipeline form a trace named
 * `default`, after the pipelines; a store without pipeline contexts is one `default` trace.
 */
import type { DatabaseSync } from 'node:sqlite';
import {
  assignRoles,
  type RoleOverride,
  roleClassifier,
  roleResolver,
  type Trace,
} from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { readTraceRows } from './mlmd-rows.ts';
import { scanMlmdTraces } from './mlmd-store-scan.ts';
import { prepareTraceStatements } from './mlmd-trace-queries.ts';
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

/**
 * Yields the traces of an MLMD store one at a time, same order and content as readMlmdStore,
 * with a fixed number of indexed queries per pipeline: for stores too large to hold at once.
 */
export function* iterateMlmdTraces(path: string, options: ReadMlmdOptions = {}): Generator<Trace> {
  const store = openStore(path);
  try {
    const { db, columns } = store;
    const role = roleResolver(options.roleOverrides);
    const classify = roleClassifier(options.roleOverrides);
    const { scopes, typeNames } = guarded(store, () => ({
      scopes: pipelineScopes(db, columns),
      typeNames: typeNamesOf(db),
    }));
    const read = (pipeline: string, kind: 'all' | 'pipeline' | 'orphans', contexts?: string) =>
      guarded(store, () => {
        const params = contexts === undefined ? [] : [contexts];
        const rows = readTraceRows(
          prepareTraceStatements(db, columns, kind),
          params,
          typeNames,
          role,
        );
        // Kubeflow Pipelines' system.ContainerExecution says its role only by its task name.
        return assignRoles({ pipeline, ...rows }, classify);
      });
    if (scopes.length === 0) {
      yield read('default', 'all');
      return;
    }
    for (const scope of scopes)
      yield read(scope.name, 'pipeline', JSON.stringify(scope.contextIds));
    const orphans = read('default', 'orphans', JSON.stringify(scopes.flatMap((s) => s.contextIds)));
    if (orphans.executions.length > 0) yield orphans;
  } finally {
    store.db.close();
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
