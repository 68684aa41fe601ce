/** Opens the row source of any store location: an SQLite file, a MySQL/MariaDB or PostgreSQL URL. */
import { openMysqlRowSource } from './mysql-row-source.ts';
import { openPostgresRowSource } from './postgres-row-source.ts';
import type { RowSource } from './row-source.ts';
import { openSqliteRowSource } from './sqlite-row-source.ts';
import { parseStoreLocation, type StoreLocation } from './store-location.ts';

/** Connects read-only to the store at `location` (a path, a URL or a parsed location). */
export async function openRowSource(location: string | StoreLocation): Promise<RowSource> {
  const at = typeof location === 'string' ? parseStoreLocation(location) : location;
  switch (at.kind) {
    case 'sqlite':
      return openSqliteRowSource(at.path);
    case 'mysql':
      return openMysqlRowSource(at);
    case 'postgres':
      return openPostgresRowSource(at);
  }
}
