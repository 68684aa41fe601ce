/**
 * Prepares an MLMD store on a server for the writer: creates MLMD's v10 tables in an empty
 * database (or drops them first when overwriting), or, to append, checks the store is v10 and
 * reads what it already holds (largest ids, types, pipeline contexts).
 */
import { FormatError } from './format-error.ts';
import { idList } from './mlmd-dialect.ts';
import type { ExistingStore } from './mlmd-row-planner.ts';
import { MYSQL_V10_TABLES, POSTGRES_V10_TABLES } from './mlmd-schema-server.ts';
import { MLMD_V10_SCHEMA_VERSION } from './mlmd-schema-v10.ts';
import { PIPELINE_CONTEXT_TYPES } from './pipeline-scopes.ts';
import { MLMD_TABLES } from './row-source.ts';
import type { ServerConnection } from './server-connection.ts';

/**
 * The writers' deviation from MLMD, as on SQLite: Execution and Artifact names need not be
 * unique per type (the trace model uses them as node names that repeat run after run).
 */
function writerTables(dialect: 'mysql' | 'postgres'): string[] {
  const tables = dialect === 'mysql' ? MYSQL_V10_TABLES : POSTGRES_V10_TABLES;
  return tables.map((sql) =>
    sql.replace(/, CONSTRAINT Unique(Artifact|Execution)TypeName UNIQUE\([^)]*\)/, ''),
  );
}

/** Creates MLMD's tables (or checks the store to append to); returns what it already holds. */
export async function prepareServerStore(
  connection: ServerConnection,
  options: { readonly overwrite?: boolean; readonly append?: boolean },
): Promise<ExistingStore | undefined> {
  const q = (name: string) => (connection.dialect === 'mysql' ? `\`${name}\`` : name);
  const present = await mlmdTablesPresent(connection);
  if (options.append === true) {
    if (!present.has('execution')) {
      throw new FormatError('not_mlmd', connection.label, 'no MLMD store to append to');
    }
    const [version] = await connection.query(`SELECT MAX(schema_version) FROM ${q('MLMDEnv')}`);
    if (Number(version?.[0]) !== MLMD_V10_SCHEMA_VERSION) {
      throw new FormatError(
        'unsupported',
        connection.label,
        `can append to MLMD schema version ${MLMD_V10_SCHEMA_VERSION} only (found ${String(version?.[0])})`,
      );
    }
    return readExisting(connection, q);
  }
  if (present.size > 0) {
    if (options.overwrite !== true) {
      throw new FormatError(
        'exists',
        connection.label,
        'already holds MLMD tables; refusing to overwrite them',
      );
    }
    for (const table of MLMD_TABLES) {
      if (present.has(table.toLowerCase())) await connection.query(`DROP TABLE ${q(table)}`);
    }
  }
  for (const sql of writerTables(connection.dialect)) await connection.query(sql);
  await connection.query(`INSERT INTO ${q('MLMDEnv')} (schema_version) VALUES (?)`, [
    MLMD_V10_SCHEMA_VERSION,
  ]);
  return undefined;
}

async function mlmdTablesPresent(connection: ServerConnection): Promise<Set<string>> {
  const schema = connection.dialect === 'mysql' ? 'DATABASE()' : 'current_schema()';
  const names = MLMD_TABLES.map((t) => `'${t.toLowerCase()}'`).join(', ');
  const rows = await connection.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = ${schema} AND LOWER(table_name) IN (${names})`,
  );
  return new Set(rows.map((r) => String(r[0]).toLowerCase()));
}

async function readExisting(
  connection: ServerConnection,
  q: (name: string) => string,
): Promise<ExistingStore> {
  const max = async (table: string) => {
    const [row] = await connection.query(`SELECT COALESCE(MAX(id), 0) FROM ${q(table)}`);
    return Number(row?.[0] ?? 0);
  };
  const types = (await connection.query(`SELECT id, name, type_kind FROM ${q('Type')}`)).map(
    (r) => [Number(r[0]), String(r[1]), Number(r[2])] as const,
  );
  const typeProperties = (
    await connection.query(`SELECT type_id, name FROM ${q('TypeProperty')}`)
  ).map((r) => [Number(r[0]), String(r[1])] as const);
  // Context ids by name, of the context types whose names pass `wanted`.
  const contexts = async (wanted: (type: string) => boolean) => {
    const typeIds = types.filter(([, name, kind]) => kind === 2 && wanted(name)).map(([id]) => id);
    const byName = new Map<string, number>();
    for (const [id, name] of await connection.query(
      `SELECT id, name FROM ${q('Context')} WHERE type_id IN (${idList(typeIds)})`,
    )) {
      byName.set(String(name), Number(id));
    }
    return byName;
  };
  const pipelines = await contexts((type) => PIPELINE_CONTEXT_TYPES.includes(type));
  const nodes = await contexts((type) => type === 'node');
  return {
    maxExecutionId: await max('Execution'),
    maxArtifactId: await max('Artifact'),
    maxEventId: await max('Event'),
    maxContextId: await max('Context'),
    maxTypeId: await max('Type'),
    types,
    typeProperties,
    pipelines,
    nodes,
  };
}
