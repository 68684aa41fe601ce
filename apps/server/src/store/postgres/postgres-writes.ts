/** The PostgreSQL store's writes of traces: one trace's rows in a few statements (arrays unnested). */
import type pg from 'pg';
import type { ImportedSource, ImportedTrace } from '../imported-source.ts';
import {
  GRAPHLET_COLUMNS,
  graphletRow,
  insertSql,
  type RowValue,
  SOURCE_COLUMNS,
  sourceRow,
  TRACE_COLUMNS,
  traceRow,
} from '../table-rows.ts';
import { traceId } from '../write-import.ts';
import { insertSearchChunks } from './postgres-search.ts';

/** Inserts one trace of a source (summary, payload, search rows, graphlets) as its `ordinal`-th. */
export async function insertTrace(
  client: pg.ClientBase,
  sourceId: string,
  ordinal: number,
  trace: ImportedTrace,
  baseRoles: string | null = null,
): Promise<void> {
  const id = traceId(sourceId, ordinal);
  await client.query(
    insertSql('traces', TRACE_COLUMNS, 'postgres'),
    traceRow(id, sourceId, ordinal, trace),
  );
  await client.query(
    'INSERT INTO trace_payloads (trace_id, trace, layout_gzip, base_roles, stats) VALUES ($1, $2, $3, $4, $5)',
    [id, trace.payload, trace.layout, baseRoles, trace.stats],
  );
  await insertSearchChunks(client, id, trace.searchRows);
  const g = trace.graphlets;
  if (g.length > 0) {
    await client.query(
      `INSERT INTO graphlets (trace_id, ${GRAPHLET_COLUMNS.join(', ')})
       SELECT $1::text, * FROM unnest($2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[],
         $7::float8[], $8::float8[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])`,
      [id, ...columnsOf(g.map(graphletRow), GRAPHLET_COLUMNS.length)],
    );
  }
}

/** Inserts a source row and its traces (inside the caller's transaction). */
export async function insertSource(
  client: pg.ClientBase,
  source: ImportedSource,
  now: Date,
  checkpoint: () => void,
): Promise<void> {
  await client.query(insertSql('sources', SOURCE_COLUMNS, 'postgres'), sourceRow(source, now));
  let ordinal = 0;
  for (const trace of source.traces) {
    checkpoint();
    await insertTrace(client, source.id, ++ordinal, trace);
  }
  await client.query('DELETE FROM results');
}

/**
 * Replaces the source's trace of `trace.pipeline` (keeping its ordinal) or adds it as the next;
 * returns its id. The source row is locked first, so concurrent writers of one source (per-pipeline
 * tasks) take ordinals one after the other.
 */
export async function replaceTrace(
  client: pg.ClientBase,
  sourceId: string,
  trace: ImportedTrace,
): Promise<string> {
  await client.query('SELECT 1 FROM sources WHERE id = $1 FOR UPDATE', [sourceId]);
  const existing = await client.query<{ ordinal: number }>(
    'SELECT ordinal FROM traces WHERE source_id = $1 AND pipeline = $2',
    [sourceId, trace.pipeline],
  );
  let ordinal: number;
  const found = existing.rows[0];
  if (found === undefined) {
    const { rows } = await client.query<{ n: number }>(
      'SELECT COALESCE(MAX(ordinal), 0) AS n FROM traces WHERE source_id = $1',
      [sourceId],
    );
    ordinal = (rows[0]?.n ?? 0) + 1;
  } else {
    ordinal = found.ordinal;
    await client.query('DELETE FROM traces WHERE id = $1', [traceId(sourceId, ordinal)]);
  }
  await insertTrace(client, sourceId, ordinal, trace);
  return traceId(sourceId, ordinal);
}

/** Row tuples turned into `width` column arrays, for one `unnest` insert. */
function columnsOf(rows: readonly (readonly unknown[])[], width: number): RowValue[][] {
  return Array.from({ length: width }, (_, c) => rows.map((row) => row[c] as RowValue));
}
