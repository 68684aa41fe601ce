/**
 * Copies an MLMD SQLite store verbatim into an empty database on MariaDB or PostgreSQL: every
 * MLMD table it has, every row, its own schema version (4, 8, 10, ...), with column types as
 * MLMD's server DDL types them (BIGINT times, MEDIUMTEXT/BYTEA values, BOOLEAN flags on
 * PostgreSQL). For tests of the reader on older schema versions; ids are plain INT keys.
 */
import { DatabaseSync } from 'node:sqlite';
import { MLMD_TABLES, type SqlValue } from '../row-source.ts';
import { connectServer } from '../server-connection.ts';
import { parseStoreLocation } from '../store-location.ts';

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
  readonly notnull: number;
  readonly pk: number;
}

/** The server type of an SQLite column of an MLMD table. */
function serverType(dialect: 'mysql' | 'postgres', column: string, declared: string): string {
  const type = declared.toUpperCase();
  const mysql = dialect === 'mysql';
  if (column.endsWith('_since_epoch')) return 'BIGINT';
  if (type.startsWith('VARCHAR')) return type;
  if (type === 'TEXT') return mysql ? 'MEDIUMTEXT' : 'TEXT';
  if (type === 'BLOB') return mysql ? 'MEDIUMBLOB' : 'BYTEA';
  if (type === 'DOUBLE') return mysql ? 'DOUBLE' : 'DOUBLE PRECISION';
  if (type === 'BOOLEAN') return 'BOOLEAN';
  if (type === 'TINYINT(1)') {
    return mysql ? 'TINYINT(1)' : column.startsWith('is_') ? 'BOOLEAN' : 'SMALLINT';
  }
  return 'INT';
}

/** Copies the MLMD store `file` into the empty database at `url`. */
export async function copyMlmdStore(file: string, url: string): Promise<void> {
  const location = parseStoreLocation(url);
  if (location.kind === 'sqlite')
    throw new Error('copy-mlmd-store: the target must be a server URL');
  const source = new DatabaseSync(file, { readOnly: true });
  const target = await connectServer(location);
  const q = (name: string) => (target.dialect === 'mysql' ? `\`${name}\`` : name);
  try {
    const present = new Set(
      source
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((r) => String(r.name)),
    );
    for (const table of MLMD_TABLES) {
      if (!present.has(table)) continue;
      const columns = source
        .prepare(`PRAGMA table_info(\`${table}\`)`)
        .all() as unknown as ColumnInfo[];
      const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const defs = columns.map(
        (c) =>
          `${q(c.name)} ${serverType(target.dialect, c.name, c.type)}${c.notnull ? ' NOT NULL' : ''}`,
      );
      if (keys.length > 0) defs.push(`PRIMARY KEY (${keys.map((c) => q(c.name)).join(', ')})`);
      await target.query(`CREATE TABLE ${q(table)} (${defs.join(', ')})`);
      const select = source.prepare(`SELECT * FROM \`${table}\``);
      select.setReturnArrays(true);
      const rows = select.all() as unknown as SqlValue[][];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      for (let at = 0; at < rows.length; at += 500) {
        const part = rows.slice(at, at + 500);
        await target.query(
          `INSERT INTO ${q(table)} (${columns.map((c) => q(c.name)).join(', ')}) VALUES ${part.map(() => tuple).join(', ')}`,
          part.flat(),
        );
      }
    }
  } finally {
    source.close();
    await target.close();
  }
}
