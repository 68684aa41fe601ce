/**
 * The SELECTs that read one trace's rows from an MLMD store, in any dialect and schema version:
 * columns a version lacks are selected as NULL. Every query takes the trace's execution set as a
 * subquery, so a trace costs a fixed number of queries, not one per node. Rows come back as
 * arrays, columns in the order of the *_COLUMNS below, each query sorted by node id.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { type SqlDialect, sqlDialect } from './mlmd-dialect.ts';
import { PROPERTY_VALUE_COLUMNS } from './mlmd-property-value.ts';

/** How a trace's executions are chosen. */
export type ScopeKind = 'pipeline' | 'orphans' | 'all';

/** Column names of each table present in a store. */
export type StoreColumns = ReadonlyMap<string, ReadonlySet<string>>;

/** The seven queries of one trace, as SQL text. */
export interface TraceSql {
  readonly executions: string;
  readonly executionProperties: string;
  /** The `node` contexts executions are associated with (TFX's orchestrators write them). */
  readonly executionNodes: string;
  readonly artifacts: string;
  readonly artifactProperties: string;
  readonly events: string;
  readonly eventPaths: string;
}

/** The same seven queries prepared on an SQLite connection. */
export type TraceStatements = { readonly [K in keyof TraceSql]: StatementSync };

/** Column positions of execution rows. */
export const EXECUTION_COLUMNS = {
  id: 0,
  type: 1,
  name: 2,
  state: 3,
  created: 4,
  updated: 5,
} as const;
/** Column positions of artifact rows. */
export const ARTIFACT_COLUMNS = { id: 0, type: 1, name: 2, uri: 3, state: 4, created: 5 } as const;
/** Column positions of property rows; the six value columns start at `values`. */
export const PROPERTY_COLUMNS = { node: 0, name: 1, custom: 2, values: 3 } as const;
/** Column positions of execution node rows. */
export const NODE_COLUMNS = { execution: 0, name: 1 } as const;
/** Column positions of event rows. */
export const EVENT_COLUMNS = { id: 0, artifact: 1, execution: 2, type: 3, time: 4 } as const;
/** Column positions of event path rows. */
export const PATH_COLUMNS = { event: 0, isIndex: 1, index: 2, key: 3 } as const;

/** Which nodes a set of queries reads: SQL sets of execution and artifact ids, and events. */
export interface NodeSets {
  /** A subquery or literal list of execution ids; undefined reads every execution. */
  readonly executionIds: string | undefined;
  /** A subquery or literal list of artifact ids; undefined reads every artifact. */
  readonly artifactIds: string | undefined;
  /** A condition on Event rows; undefined reads the events of the executions. */
  readonly events?: string;
}

/**
 * The node sets of a scope; `contexts` is an SQL list of context ids (a subquery or literal
 * ids) for `pipeline` and `orphans`.
 */
export function scopeNodeSets(
  dialect: SqlDialect,
  tables: StoreColumns,
  kind: ScopeKind,
  contexts = 'NULL',
): NodeSets {
  if (kind === 'all') return { executionIds: undefined, artifactIds: undefined };
  const t = dialect.table;
  const associated = `SELECT execution_id FROM ${t('Association')} WHERE context_id IN (${contexts})`;
  const executionIds =
    kind === 'pipeline'
      ? associated
      : `SELECT id FROM ${t('Execution')} WHERE id NOT IN (${associated})`;
  const touched = `SELECT artifact_id FROM ${t('Event')} WHERE execution_id IN (${executionIds})`;
  const artifactIds =
    kind === 'pipeline' && tables.has('Attribution')
      ? `${touched} UNION SELECT artifact_id FROM ${t('Attribution')} WHERE context_id IN (${contexts})`
      : touched;
  return { executionIds, artifactIds };
}

/**
 * The seven SELECTs of a trace's rows in `dialect`, whatever the schema version, each taking its
 * WHERE clause (empty for a whole table) and sorted by node id.
 */
export type TraceSelects = { readonly [K in keyof TraceSql]: (where: string) => string };

/** The SELECT builders of `dialect` on a store with `tables`. */
export function traceSelects(dialect: SqlDialect, tables: StoreColumns): TraceSelects {
  const t = dialect.table;
  const col = (table: string, column: string, alias = column) =>
    tables.get(table)?.has(column) === true ? `${column} AS ${alias}` : `NULL AS ${alias}`;
  const properties = (table: string, owner: string) => (where: string) =>
    `SELECT ${owner} AS node, name, is_custom_property AS custom,
      ${PROPERTY_VALUE_COLUMNS.map((c) => col(table, c)).join(', ')}
     FROM ${t(table)} ${where}
     ORDER BY ${owner}, ${dialect.binary('name')}, is_custom_property`;
  return {
    executions: (
      where,
    ) => `SELECT id, type_id, ${col('Execution', 'name')}, ${col('Execution', 'last_known_state', 'state')},
        ${col('Execution', 'create_time_since_epoch', 'created')},
        ${col('Execution', 'last_update_time_since_epoch', 'updated')}
       FROM ${t('Execution')} ${where} ORDER BY id`,
    executionProperties: properties('ExecutionProperty', 'execution_id'),
    // A derived table, so that `where` names execution_id as on the other tables.
    executionNodes: (where) =>
      `SELECT execution_id, name FROM (
         SELECT a.execution_id AS execution_id, c.name AS name
         FROM ${t('Association')} a JOIN ${t('Context')} c ON c.id = a.context_id
         WHERE c.type_id IN (SELECT id FROM ${t('Type')} WHERE name = 'node' AND type_kind = 2)
       ) n ${where} ORDER BY execution_id, ${dialect.binary('name')}`,
    artifacts: (
      where,
    ) => `SELECT id, type_id, ${col('Artifact', 'name')}, ${col('Artifact', 'uri')}, ${col('Artifact', 'state')},
        ${col('Artifact', 'create_time_since_epoch', 'created')}
       FROM ${t('Artifact')} ${where} ORDER BY id`,
    artifactProperties: properties('ArtifactProperty', 'artifact_id'),
    events: (
      where,
    ) => `SELECT id, artifact_id, execution_id, type, ${col('Event', 'milliseconds_since_epoch', 'time')}
       FROM ${t('Event')} ${where} ORDER BY id`,
    eventPaths: (where) =>
      tables.has('EventPath')
        ? `SELECT event_id, is_index_step, step_index, step_key FROM ${t('EventPath')}
           ${where} ORDER BY event_id${dialect.pathOrder}`
        : `SELECT NULL AS event_id, NULL AS is_index_step, NULL AS step_index, NULL AS step_key FROM ${t('Type')} WHERE 1 = 0`,
  };
}

/** The queries reading the nodes of `sets` in `dialect`, whatever the schema version. */
export function traceSql(dialect: SqlDialect, tables: StoreColumns, sets: NodeSets): TraceSql {
  const select = traceSelects(dialect, tables);
  // Without a filter, rows come straight off the primary key.
  const where = (column: string, ids: string | undefined) =>
    ids === undefined ? '' : `WHERE ${column} IN (${dialect.idSet(ids)})`;
  const eventWhere =
    sets.events !== undefined ? `WHERE ${sets.events}` : where('execution_id', sets.executionIds);
  return {
    executions: select.executions(where('id', sets.executionIds)),
    executionProperties: select.executionProperties(where('execution_id', sets.executionIds)),
    executionNodes: select.executionNodes(where('execution_id', sets.executionIds)),
    artifacts: select.artifacts(where('id', sets.artifactIds)),
    artifactProperties: select.artifactProperties(where('artifact_id', sets.artifactIds)),
    events: select.events(eventWhere),
    eventPaths: select.eventPaths(
      where(
        'event_id',
        eventWhere === '' ? undefined : `SELECT id FROM ${dialect.table('Event')} ${eventWhere}`,
      ),
    ),
  };
}

/**
 * Prepares the statements reading a trace of the given scope kind on SQLite; `pipeline` and
 * `orphans` take a JSON array of context ids as their one parameter.
 */
export function prepareTraceStatements(
  db: DatabaseSync,
  tables: StoreColumns,
  kind: ScopeKind,
): TraceStatements {
  const sqlite = sqlDialect('sqlite');
  const sql = traceSql(
    sqlite,
    tables,
    scopeNodeSets(sqlite, tables, kind, 'SELECT value FROM json_each(?1)'),
  );
  const statements = Object.fromEntries(
    Object.entries(sql).map(([name, text]) => {
      const statement = db.prepare(text);
      statement.setReturnArrays(true);
      return [name, statement];
    }),
  ) as unknown as TraceStatements;
  // Property values may exceed 2^53; read them as bigint and narrow in propertyValueOf.
  statements.executionProperties.setReadBigInts(true);
  statements.artifactProperties.setReadBigInts(true);
  return statements;
}
