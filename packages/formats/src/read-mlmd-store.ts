/**
 * Reads an MLMD SQLite store (schema versions 4 to 10) into traces, one per pipeline context,
 * read-only. Executions not associated with any pipeline form a trace named `default`.
 */
import type { SQLInputValue } from 'node:sqlite';
import {
  type Artifact,
  artifactId,
  type Execution,
  executionId,
  type Properties,
  type RoleOverride,
  roleResolver,
  type Trace,
  type TraceEvent,
} from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { artifactStateOf, eventKindOf, eventTypeOf, executionStateOf } from './mlmd-codes.ts';
import { type PropertyRow, propertyValueOf } from './mlmd-property-value.ts';
import {
  prepareTraceStatements,
  type ScopeKind,
  type TraceStatements,
} from './mlmd-trace-queries.ts';
import { type MlmdDatabase, openMlmdDatabase, sqliteFailure } from './open-mlmd-database.ts';
import { pipelineScopes } from './pipeline-scopes.ts';
import { setOwn } from './protobuf-struct.ts';
import { sniffFile } from './sniff-file.ts';

/** Options of the MLMD reader. */
export interface ReadMlmdOptions {
  /** Role overrides applied before the built-in mapping of execution type names. */
  readonly roleOverrides?: readonly RoleOverride[];
}

/** Every trace of an MLMD store, sorted by pipeline name, and the store's schema version. */
export function readMlmdStore(
  path: string,
  options: ReadMlmdOptions = {},
): { traces: Trace[]; schemaVersion: number } {
  const store = openStore(path);
  try {
    return { traces: [...readTraces(store, options)], schemaVersion: store.schemaVersion };
  } finally {
    store.db.close();
  }
}

/** Yields the traces of an MLMD store one at a time (only one trace is in memory at once). */
export function* iterateMlmdTraces(path: string, options: ReadMlmdOptions = {}): Generator<Trace> {
  const store = openStore(path);
  try {
    yield* readTraces(store, options);
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

function* readTraces(store: MlmdDatabase, options: ReadMlmdOptions): Generator<Trace> {
  const { db, columns, file } = store;
  const role = roleResolver(options.roleOverrides);
  try {
    const typeNames = new Map<number, string>();
    for (const row of db.prepare('SELECT id, name FROM Type').all()) {
      typeNames.set(Number(row.id), String(row.name));
    }
    const scopes = pipelineScopes(db, columns);
    const reader = new TraceReader(typeNames, role);
    if (scopes.length === 0) {
      yield reader.read('default', prepareTraceStatements(db, columns, 'all'), []);
      return;
    }
    const statements = prepareTraceStatements(db, columns, 'pipeline');
    for (const scope of scopes) {
      yield reader.read(scope.name, statements, [JSON.stringify(scope.contextIds)]);
    }
    const allContexts = JSON.stringify(scopes.flatMap((s) => s.contextIds));
    const orphans = prepareTraceStatements(db, columns, 'orphans' satisfies ScopeKind);
    if (orphans.executions.get(allContexts) !== undefined) {
      yield reader.read('default', orphans, [allContexts]);
    }
  } catch (error) {
    throw error instanceof FormatError ? error : sqliteFailure(file, error);
  }
}

type Row = Record<string, SQLInputValue>;

class TraceReader {
  private readonly typeNames: ReadonlyMap<number, string>;
  private readonly role: (type: string) => Execution['role'];

  constructor(typeNames: ReadonlyMap<number, string>, role: (type: string) => Execution['role']) {
    this.typeNames = typeNames;
    this.role = role;
  }

  read(pipeline: string, s: TraceStatements, params: SQLInputValue[]): Trace {
    const executionRows = s.executions.all(...params) as Row[];
    const executionProps = groupProperties(
      executionRows,
      s.executionProperties.all(...params) as Row[],
    );
    const executions: Execution[] = executionRows.map((row, i) => {
      const type = this.typeName(row.type_id);
      return {
        id: executionId(Number(row.id)),
        type,
        name: optionalString(row.name),
        role: this.role(type),
        state: executionStateOf(row.state as number | null),
        startMs: optionalTime(row.created),
        endMs: optionalTime(row.updated),
        properties: executionProps.regular[i]!,
        customProperties: executionProps.custom[i]!,
      };
    });
    const artifactRows = s.artifacts.all(...params) as Row[];
    const artifactProps = groupProperties(
      artifactRows,
      s.artifactProperties.all(...params) as Row[],
    );
    const artifacts: Artifact[] = artifactRows.map((row, i) => ({
      id: artifactId(Number(row.id)),
      type: this.typeName(row.type_id),
      name: optionalString(row.name),
      uri: optionalString(row.uri),
      state: artifactStateOf(row.state as number | null),
      createdMs: optionalTime(row.created),
      properties: artifactProps.regular[i]!,
      customProperties: artifactProps.custom[i]!,
    }));
    return { pipeline, executions, artifacts, events: readEvents(s, params) };
  }

  private typeName(id: SQLInputValue | undefined): string {
    return this.typeNames.get(Number(id)) ?? `unknown-type-${String(id)}`;
  }
}

/** Merge-joins property rows (sorted by node id) onto nodes (sorted by id). */
function groupProperties(nodes: readonly Row[], rows: readonly Row[]) {
  const regular: Properties[] = nodes.map(() => ({}));
  const custom: Properties[] = nodes.map(() => ({}));
  let n = 0;
  for (const row of rows) {
    const owner = Number(row.node);
    while (n < nodes.length && Number(nodes[n]!.id) < owner) n++;
    if (n === nodes.length) break;
    if (Number(nodes[n]!.id) !== owner) continue;
    const target = Number(row.custom) !== 0 ? custom[n]! : regular[n]!;
    setOwn(target, String(row.name), propertyValueOf(row as unknown as PropertyRow));
  }
  return { regular, custom };
}

/** Events in id order with their key (first key step) and index (first index step). */
function readEvents(s: TraceStatements, params: SQLInputValue[]): TraceEvent[] {
  const paths = s.eventPaths.all(...params) as Row[];
  const events: TraceEvent[] = [];
  let p = 0;
  for (const row of s.events.all(...params) as Row[]) {
    const id = Number(row.id);
    let key: string | undefined;
    let index: number | undefined;
    while (p < paths.length && Number(paths[p]!.event_id) < id) p++;
    for (; p < paths.length && Number(paths[p]!.event_id) === id; p++) {
      const step = paths[p]!;
      if (Number(step.is_index_step) !== 0) {
        if (index === undefined && step.step_index !== null) index = Number(step.step_index);
      } else if (key === undefined && step.step_key !== null) key = String(step.step_key);
    }
    const type = eventTypeOf(Number(row.type));
    const kind = eventKindOf(type);
    // An UNKNOWN event has no direction and cannot take part in the graph.
    if (kind === undefined) continue;
    events.push({
      execution: executionId(Number(row.execution_id)),
      artifact: artifactId(Number(row.artifact_id)),
      kind,
      type,
      key,
      index,
      timeMs: row.time === null ? undefined : Number(row.time),
    });
  }
  return events;
}

function optionalString(value: SQLInputValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** MLMD writes 0 for an unset time. */
function optionalTime(value: SQLInputValue | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = Number(value);
  return ms === 0 ? undefined : ms;
}
