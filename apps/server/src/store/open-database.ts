/** Opens (creating if needed) the SQLite store in the data folder: WAL, foreign keys, migrations. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate } from './migrations.ts';
import { indexMissingTraces } from './search-index.ts';

/** The store file inside a data folder. */
export const STORE_FILE = 'graphlet-explorer.sqlite';

/** Opens the store of `dataDir` and brings its schema and search index up to date. */
export function openDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, STORE_FILE));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  indexMissingTraces(db);
  return db;
}
