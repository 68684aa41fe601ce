/** Test helper: sources written straight into a store (no upload, no import job), for read-path tests. */
import { createHash } from 'node:crypto';
import type { ImportedTrace } from '../store/imported-source.ts';
import { openDatabase } from '../store/open-database.ts';
import { writeImport } from '../store/write-import.ts';

/** Writes each source (`<id>.sqlite`, an MLMD store of schema 10) with its traces into `dataDir`'s store. */
export function storeSources(
  dataDir: string,
  sources: readonly { readonly id: string; readonly traces: readonly ImportedTrace[] }[],
): void {
  const db = openDatabase(dataDir);
  try {
    for (const { id, traces } of sources) {
      writeImport(db, {
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
    db.close();
  }
}
