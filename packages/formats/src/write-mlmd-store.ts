/**
 * Writes traces into a new MLMD SQLite store with the schema-v10 tables, one pipeline context
 * per trace, streaming: each trace is appended inside large batched transactions.
 *
 * Ids: execution and artifact ids are kept unless an earlier trace in the same store already
 * used them; then the node gets a fresh id (one past the largest written) and the later trace's
 * events follow it. Nodes are never merged across traces, so traces that share ids read back
 * with the later ones renumbered.
 */
import { existsSync, rmSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Properties, Trace } from '@graphlet/core';
import { BatchInsert } from './batch-insert.ts';
import { FormatError } from './format-error.ts';
import { IdAllocator } from './id-allocator.ts';
import { artifactStateCode, eventTypeCode, executionStateCode } from './mlmd-codes.ts';
import { propertyColumnsOf } from './mlmd-property-value.ts';
import { MLMD_V10_INDEXES, MLMD_V10_SCHEMA_VERSION, MLMD_V10_TABLES } from './mlmd-schema-v10.ts';

/** Options of the MLMD writer. */
export interface MlmdWriterOptions {
  /** Replace an existing file instead of failing with code `exists`. */
  readonly overwrite?: boolean;
  /** Rows per transaction (default 200,000). */
  readonly batchRows?: number;
}

/** A store being written: append traces, then close to finish the file. */
export interface MlmdWriter {
  /** Appends one trace as a pipeline context with its executions, artifacts and events. */
  writeTrace(trace: Trace): void;
  /** Commits, creates the secondary indexes and closes the file. */
  close(): void;
}

/**
 * MLMD's v10 tables, except that Execution and Artifact names need not be unique per type: in
 * the trace model a name is the pipeline node name (`Trainer`), which repeats run after run.
 * MLMD reads such a store normally; only its own inserts would enforce the constraint.
 */
const WRITER_TABLES = MLMD_V10_TABLES.map((sql) =>
  /^CREATE TABLE `(Execution|Artifact)`/.test(sql)
    ? sql.replace(', UNIQUE(`type_id`, `name`)', '')
    : sql,
);

const EXECUTION_KIND = 0;
const ARTIFACT_KIND = 1;
const CONTEXT_KIND = 2;

/** Writes `traces` into a new MLMD store at `path`. */
export function writeMlmdStore(
  path: string,
  traces: Iterable<Trace>,
  options: MlmdWriterOptions = {},
): void {
  const writer = openMlmdWriter(path, options);
  try {
    for (const trace of traces) writer.writeTrace(trace);
  } finally {
    writer.close();
  }
}

/** Opens a new MLMD store at `path` for streaming writes. */
export function openMlmdWriter(path: string, options: MlmdWriterOptions = {}): MlmdWriter {
  if (existsSync(path)) {
    if (options.overwrite !== true) {
      throw new FormatError('exists', path, 'already exists; refusing to overwrite it');
    }
    rmSync(path);
  }
  const db = new DatabaseSync(path);
  // A new file nobody else reads yet: no journal, no fsync, big cache.
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;');
  for (const sql of WRITER_TABLES) db.exec(sql);
  db.prepare('INSERT INTO MLMDEnv (schema_version) VALUES (?)').run(MLMD_V10_SCHEMA_VERSION);
  return new StoreWriter(path, db, options.batchRows ?? 200_000);
}

class StoreWriter implements MlmdWriter {
  private readonly path: string;
  private readonly db: DatabaseSync;
  private readonly batchRows: number;
  private pending = 0;
  private closed = false;
  private readonly executionIds = new IdAllocator();
  private readonly artifactIds = new IdAllocator();
  // Type ids by kind (execution, artifact, context), then name.
  private readonly types = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];
  /** Regular property names declared in TypeProperty, by type id. */
  private readonly typeProperties = new Map<number, Set<string>>();
  private nextEvent = 1;
  private readonly sql: Record<'type' | 'typeProperty' | 'context', StatementSync>;
  private readonly rows: Record<
    | 'execution'
    | 'artifact'
    | 'executionProperty'
    | 'artifactProperty'
    | 'event'
    | 'eventPath'
    | 'association'
    | 'attribution',
    BatchInsert
  >;

  constructor(path: string, db: DatabaseSync, batchRows: number) {
    this.path = path;
    this.db = db;
    this.batchRows = batchRows;
    const values = (n: number) => `VALUES (${Array.from({ length: n }, () => '?').join(', ')})`;
    const property = (table: string, owner: string) =>
      new BatchInsert(db, table, [
        owner,
        'name',
        'is_custom_property',
        'int_value',
        'double_value',
        'string_value',
        'byte_value',
        'proto_value',
        'bool_value',
      ]);
    this.sql = {
      type: db.prepare(`INSERT INTO Type (name, type_kind) ${values(2)}`),
      typeProperty: db.prepare(
        `INSERT OR IGNORE INTO TypeProperty (type_id, name, data_type) ${values(3)}`,
      ),
      context: db.prepare(
        `INSERT INTO Context (type_id, name, create_time_since_epoch, last_update_time_since_epoch) ${values(4)}`,
      ),
    };
    this.rows = {
      execution: new BatchInsert(db, 'Execution', [
        'id',
        'type_id',
        'last_known_state',
        'name',
        'create_time_since_epoch',
        'last_update_time_since_epoch',
      ]),
      artifact: new BatchInsert(db, 'Artifact', [
        'id',
        'type_id',
        'uri',
        'state',
        'name',
        'create_time_since_epoch',
        'last_update_time_since_epoch',
      ]),
      executionProperty: property('ExecutionProperty', 'execution_id'),
      artifactProperty: property('ArtifactProperty', 'artifact_id'),
      event: new BatchInsert(db, 'Event', [
        'id',
        'artifact_id',
        'execution_id',
        'type',
        'milliseconds_since_epoch',
      ]),
      eventPath: new BatchInsert(db, 'EventPath', [
        'event_id',
        'is_index_step',
        'step_index',
        'step_key',
      ]),
      association: new BatchInsert(db, 'Association', ['context_id', 'execution_id']),
      attribution: new BatchInsert(db, 'Attribution', ['context_id', 'artifact_id']),
    };
    db.exec('BEGIN');
  }

  writeTrace(trace: Trace): void {
    if (this.closed) throw new Error('write-mlmd-store: writer is closed');
    try {
      this.writeRows(trace);
      for (const batch of Object.values(this.rows)) batch.flush();
    } catch (error) {
      throw this.explain(error, trace);
    }
  }

  private writeRows(trace: Trace): void {
    const s = this.rows;
    const context = Number(
      this.sql.context.run(this.typeId('pipeline', CONTEXT_KIND), trace.pipeline, 0, 0)
        .lastInsertRowid,
    );
    // Only ids renumbered because an earlier trace used them are kept here.
    const executionMap = new Map<number, number>();
    const artifactMap = new Map<number, number>();
    for (const e of trace.executions) {
      const id = this.executionIds.claim(e.id);
      if (id !== e.id) executionMap.set(e.id, id);
      const typeId = this.typeId(e.type, EXECUTION_KIND);
      s.execution.add(
        id,
        typeId,
        executionStateCode(e.state),
        e.name ?? null,
        e.startMs ?? 0,
        e.endMs ?? 0,
      );
      s.association.add(context, id);
      this.properties(s.executionProperty, id, typeId, e.properties, e.customProperties);
      this.tick(2);
    }
    for (const a of trace.artifacts) {
      const id = this.artifactIds.claim(a.id);
      if (id !== a.id) artifactMap.set(a.id, id);
      const typeId = this.typeId(a.type, ARTIFACT_KIND);
      const created = a.createdMs ?? 0;
      s.artifact.add(
        id,
        typeId,
        a.uri ?? null,
        artifactStateCode(a.state),
        a.name ?? null,
        created,
        created,
      );
      s.attribution.add(context, id);
      this.properties(s.artifactProperty, id, typeId, a.properties, a.customProperties);
      this.tick(2);
    }
    for (const ev of trace.events) {
      const event = this.nextEvent++;
      s.event.add(
        event,
        artifactMap.get(ev.artifact) ?? ev.artifact,
        executionMap.get(ev.execution) ?? ev.execution,
        eventTypeCode(ev.type),
        ev.timeMs ?? null,
      );
      if (ev.key !== undefined) s.eventPath.add(event, 0, null, ev.key);
      if (ev.index !== undefined) s.eventPath.add(event, 1, ev.index, null);
      this.tick(3);
    }
  }

  private properties(
    statement: BatchInsert,
    owner: number,
    typeId: number,
    regular: Properties,
    custom: Properties,
  ): void {
    let rows = 0;
    for (const name in regular) {
      const { columns, dataType } = propertyColumnsOf(regular[name]!);
      statement.add(owner, name, 0, ...columns);
      let declared = this.typeProperties.get(typeId);
      if (declared === undefined) {
        declared = new Set();
        this.typeProperties.set(typeId, declared);
      }
      if (!declared.has(name)) {
        declared.add(name);
        this.sql.typeProperty.run(typeId, name, dataType);
      }
      rows++;
    }
    for (const name in custom) {
      statement.add(owner, name, 1, ...propertyColumnsOf(custom[name]!).columns);
      rows++;
    }
    this.pending += rows;
  }

  private typeId(name: string, kind: number): number {
    const byName = this.types[kind]!;
    let id = byName.get(name);
    if (id === undefined) {
      id = Number(this.sql.type.run(name, kind).lastInsertRowid);
      byName.set(name, id);
    }
    return id;
  }

  private tick(rows: number): void {
    this.pending += rows;
    if (this.pending >= this.batchRows) {
      for (const batch of Object.values(this.rows)) batch.flush();
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  /** A UNIQUE violation means the trace breaks an MLMD rule; say which. */
  private explain(error: unknown, trace: Trace): unknown {
    const { errcode, message = '' } = error as { errcode?: number; message?: string };
    // SQLITE_CONSTRAINT_UNIQUE and _PRIMARYKEY; SQLite names the table only in its message.
    if (errcode !== 2067 && errcode !== 1555) return error;
    const table = /constraint failed: (\w+)\./.exec(message)?.[1];
    const what =
      table === 'Event'
        ? 'two events link the same artifact and execution with the same event type'
        : table === 'Context'
          ? 'an earlier trace has the same pipeline name'
          : 'a row repeats a unique key';
    return new FormatError(
      'invalid_trace',
      this.path,
      `cannot write pipeline '${trace.pipeline}': ${what} (${message})`,
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      for (const batch of Object.values(this.rows)) batch.flush();
      this.db.exec('COMMIT');
      for (const sql of MLMD_V10_INDEXES) this.db.exec(sql);
    } finally {
      this.db.close();
    }
  }
}
