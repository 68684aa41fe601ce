/** Test helper: sources written straight into a server's store (no upload, no import job), for read-path tests. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Server } from '../create-app.ts';
import type { ImportedTrace } from '../store/imported-source.ts';
import { STORE_FILE } from '../store/open-database.ts';
import { openWorkerStore } from '../store/open-store.ts';
import { urlWithSchema } from '../store/postgres/postgres-pool.ts';

/** Writes each source (`<id>.sqlite`, an MLMD store of schema 10) with its traces into the server's store. */
export async function storeSources(
  server: Server,
  sources: readonly { readonly id: string; readonly traces: readonly ImportedTrace[] }[],
): Promise<void> {
  await server.ready;
  const { databaseUrl, databaseSchema, dataDir } = server.config;
  const store = openWorkerStore(
    databaseUrl === undefined
      ? join(dataDir, STORE_FILE)
      : urlWithSchema({ url: databaseUrl, schema: databaseSchema }),
  );
  try {
    for (const { id, traces } of sources) {
      await store.writeImport({
        id,
        name: `${id}.sqlite`,
        sha256: createHash('sha256').update(id).digest('hex'),
        size: 1,
        kind: 'mlmd',
        schemaVersion: 10,
        jobId: null,
        traces: [...traces],
      });
    }
  } finally {
    await store.close();
  }
}
