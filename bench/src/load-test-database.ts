// Loads an SQLite MLMD store into a new test database on MariaDB or PostgreSQL with the project's
// MLMD writer, for the benchmarks that read stores from a server.

import { iterateMlmdTraces, openMlmdStoreWriter } from '@graphlet/formats';
import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';

/** The new database (drop it when done) and the seconds the load took. */
export async function loadTestDatabase(
  file: string,
  kind: 'mysql' | 'postgres',
  tag: string,
): Promise<{ db: TestDatabase; seconds: number }> {
  const db = await createTestDatabase(kind, tag);
  const start = performance.now();
  const writer = await openMlmdStoreWriter(db.url);
  try {
    for (const trace of iterateMlmdTraces(file)) await writer.writeTrace(trace);
  } finally {
    await writer.close();
  }
  return { db, seconds: (performance.now() - start) / 1000 };
}
