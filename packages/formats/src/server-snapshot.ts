/**
 * What the MySQL/MariaDB and PostgreSQL row sources do alike: nested read-only snapshots (only the
 * outermost begin/end pair opens and ends one) and the columns of the current schema.
 */
import { columnsByTable, type Row, type RowSource } from './row-source.ts';

/** Counts nested begin()/end() calls; runs `beginSql` on the outermost begin and COMMIT on its end. */
export class NestedSnapshot {
  private depth = 0;
  private readonly run: (sql: string) => Promise<void>;
  private readonly beginSql: string;

  constructor(run: (sql: string) => Promise<void>, beginSql: string) {
    this.run = run;
    this.beginSql = beginSql;
  }

  async begin(): Promise<void> {
    if (this.depth === 0) await this.run(this.beginSql);
    this.depth++;
  }

  async end(): Promise<void> {
    // Ending a read-only snapshot changes nothing; a broken connection fails the next query.
    if (--this.depth === 0) await this.run('COMMIT').catch(() => {});
  }
}

/** Column names of each table of the current schema (`currentSchema`: the dialect's function). */
export async function describeServerSchema(
  source: Pick<RowSource, 'rows'>,
  currentSchema: 'DATABASE()' | 'current_schema()',
): Promise<Map<string, Set<string>>> {
  const rows: Row[] = [];
  for await (const batch of source.rows(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ${currentSchema}`,
  )) {
    rows.push(...batch);
  }
  return columnsByTable(rows);
}
