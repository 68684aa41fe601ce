/**
 * The prepared statements that read one trace's rows from an MLMD store, whatever its schema
 * version: columns a version lacks are selected as NULL. Every statement takes the trace's
 * execution set as a subquery, so a trace costs a fixed number of queries, not one per node.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** How a trace's executions are chosen. */
export type ScopeKind = 'pipeline' | 'orphans' | 'all';

/**
 * The statements of one scope kind; `pipeline` and `orphans` take a JSON array of context ids.
 * Rows come back as arrays (cheaper than objects), columns in the order of the *_COLUMNS below.
 */
export interface TraceStatements {
  readonly executions: StatementSync;
  readonly executionProperties: StatementSync;
  readonly artifacts: StatementSync;
  readonly artifactProperties: StatementSync;
  readonly events: StatementSync;
  readonly eventPaths: StatementSync;
}

const CONTEXTS = 'SELECT value FROM json_each(?1)';

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
/** Column positions of event rows. */
export const EVENT_COLUMNS = { id: 0, artifact: 1, execution: 2, type: 3, time: 4 } as const;
/** Column positions of event path rows. */
export const PATH_COLUMNS = { event: 0, isIndex: 1, index: 2, key: 3 } as const;

/** Prepares the statements reading a trace of the given scope kind. */
export function prepareTraceStatements(
  db: DatabaseSync,
  tables: ReadonlyMap<string, ReadonlySet<string>>,
  kind: ScopeKind,
): TraceStatements {
  const col = (table: string, column: string, alias = column) =>
    tables.get(table)?.has(column) === true ? `${column} AS ${alias}` : `NULL AS ${alias}`;
  const executionIds =
    kind === 'all'
      ? 'SELECT id FROM Execution'
      : kind === 'pipeline'
        ? `SELECT execution_id FROM Association WHERE context_id IN (${CONTEXTS})`
        : `SELECT id FROM Execution WHERE id NOT IN (SELECT execution_id FROM Association WHERE context_id IN (${CONTEXTS}))`;
  const touched = `SELECT artifact_id FROM Event WHERE execution_id IN (${executionIds})`;
  const artifactIds =
    kind === 'all'
      ? 'SELECT id FROM Artifact'
      : kind === 'pipeline' && tables.has('Attribution')
        ? `${touched} UNION SELECT artifact_id FROM Attribution WHERE context_id IN (${CONTEXTS})`
        : touched;
  // The `all` kind reads whole tables: no filter, rows straight off the primary key.
  const where = (column: string, ids: string) =>
    kind === 'all' ? '' : `WHERE ${column} IN (${ids})`;
  const properties = (table: string, owner: string, ids: string) =>
    db.prepare(
      `SELECT ${owner} AS node, name, is_custom_property AS custom,
        ${['int_value', 'double_value', 'string_value', 'byte_value', 'proto_value', 'bool_value']
          .map((c) => col(table, c))
          .join(', ')}
       FROM ${table} ${where(owner, ids)} ORDER BY ${owner}, name, is_custom_property`,
    );
  const statements: TraceStatements = {
    executions: db.prepare(
      `SELECT id, type_id, ${col('Execution', 'name')}, ${col('Execution', 'last_known_state', 'state')},
        ${col('Execution', 'create_time_since_epoch', 'created')},
        ${col('Execution', 'last_update_time_since_epoch', 'updated')}
       FROM Execution ${where('id', executionIds)} ORDER BY id`,
    ),
    executionProperties: properties('ExecutionProperty', 'execution_id', executionIds),
    artifacts: db.prepare(
      `SELECT id, type_id, ${col('Artifact', 'name')}, ${col('Artifact', 'uri')}, ${col('Artifact', 'state')},
        ${col('Artifact', 'create_time_since_epoch', 'created')}
       FROM Artifact ${where('id', artifactIds)} ORDER BY id`,
    ),
    artifactProperties: properties('ArtifactProperty', 'artifact_id', artifactIds),
    events: db.prepare(
      `SELECT id, artifact_id, execution_id, type, ${col('Event', 'milliseconds_since_epoch', 'time')}
       FROM Event ${where('execution_id', executionIds)} ORDER BY id`,
    ),
    eventPaths: db.prepare(
      tables.has('EventPath')
        ? `SELECT event_id, is_index_step, step_index, step_key FROM EventPath
           ${where('event_id', `SELECT id FROM Event WHERE execution_id IN (${executionIds})`)}
           ORDER BY event_id, rowid`
        : 'SELECT NULL AS event_id, NULL AS is_index_step, NULL AS step_index, NULL AS step_key WHERE 0',
    ),
  };
  for (const statement of Object.values(statements)) statement.setReturnArrays(true);
  // Property values may exceed 2^53; read them as bigint and narrow in propertyValueOf.
  statements.executionProperties.setReadBigInts(true);
  statements.artifactProperties.setReadBigInts(true);
  return statements;
}
