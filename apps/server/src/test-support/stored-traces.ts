/**
 * Test helper: a data folder's stored traces and cached results, read straight from its store
 * (SQLite or PostgreSQL).
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { STORE_FILE } from '../store/open-database.ts';
import { testStoreConfig } from './test-store-env.ts';

const COUNT =
  "SELECT COUNT(*) AS traces, COUNT(DISTINCT source_id || '/' || ordinal) AS uniq FROM traces";

/** How many traces the data folder's store holds, and how many distinct (source, ordinal). */
export async function storedTraces(dir: string): Promise<{ traces: number; uniq: number }> {
  const { databaseUrl, databaseSchema } = testStoreConfig(dir);
  if (databaseUrl === undefined) {
    const db = new DatabaseSync(join(dir, STORE_FILE), { readOnly: true });
    try {
      const row = db.prepare(COUNT).get() as { traces: number; uniq: number };
      return { traces: Number(row.traces), uniq: Number(row.uniq) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({
    connectionString: databaseUrl,
    options: `-c search_path=${databaseSchema}`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ traces: string; uniq: string }>(COUNT);
    return { traces: Number(rows[0]!.traces), uniq: Number(rows[0]!.uniq) };
  } finally {
    await client.end();
  }
}

/** The results-cache value under `key` in the data folder's store, or undefined. */
export async function storedResult(dir: string, key: string): Promise<string | undefined> {
  const sql = 'SELECT value FROM results WHERE key = $1';
  const { databaseUrl, databaseSchema } = testStoreConfig(dir);
  if (databaseUrl === undefined) {
    const db = new DatabaseSync(join(dir, STORE_FILE), { readOnly: true });
    try {
      const row = db.prepare(sql.replace('$1', '?')).get(key) as { value: string } | undefined;
      return row?.value;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({
    connectionString: databaseUrl,
    options: `-c search_path=${databaseSchema}`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ value: string }>(sql, [key]);
    return rows[0]?.value;
  } finally {
    await client.end();
  }
}
