/** The PostgreSQL store's writes of traces: one trace's rows in a few statements (arrays unnested). */
import type { Trace } from '@graphlet/core';
import type pg from 'pg';
import type { ImportedSource, ImportedTrace } from '../imported-source.ts';
import { searchNodeRows } from '../search-index.ts';
import { traceId } from '../write-import.ts';

/** Inserts one trace of a source (summary, payload, search rows, graphlets) as its `ordinal`-th. */
export async function insertTrace(
  client: pg.ClientBase,
  sourceId: string,
  ordinal: number,
  trace: ImportedTrace,
  baseRoles: string | null = null,
): Promise<void> {
  const id = traceId(sourceId, ordinal);
  const s = trace.summary;
  await client.query(
    `INSERT INTO traces (id, source_id, ordinal, pipeline, executions, artifacts, graphlets,
      failed_graphlets, pushed_share, lifespan_days, models_per_day, compute_seconds, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      id,
      sourceId,
      ordinal,
      trace.pipeline,
      s.executions,
      s.artifacts,
      s.graphlets,
      s.failedGraphlets,
      s.pushedShare,
      s.lifespanDays,
      s.modelsPerDay,
      s.computeSeconds,
      trace.note ?? null,
    ],
  );
  await client.query(
    'INSERT INTO trace_payloads (trace_id, trace, layout, base_roles) VALUES ($1, $2, $3, $4)',
    [id, trace.payload, trace.layout, baseRoles],
  );
  const nodes = searchNodeRows(JSON.parse(trace.payload) as Trace);
  if (nodes.length > 0) {
    await client.query(
      `INSERT INTO search_nodes (trace_id, node_id, kind, label, type, name, uri)
       SELECT $1::text, node_id, kind, label, type, name, uri
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       WITH ORDINALITY AS n(node_id, kind, label, type, name, uri, i) ORDER BY i`,
      [id, ...[0, 1, 2, 3, 4, 5].map((c) => nodes.map((row) => row[c]))],
    );
  }
  const g = trace.graphlets;
  if (g.length > 0) {
    await client.query(
      `INSERT INTO graphlets (trace_id, trainer, idx, pushed, failed, warm_start, start_ms, end_ms,
        executions, artifacts, spans, downstream, metrics)
       SELECT $1::text, * FROM unnest($2::bigint[], $3::int[], $4::int[], $5::int[], $6::int[],
         $7::float8[], $8::float8[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])`,
      [
        id,
        g.map((x) => x.trainer),
        g.map((x) => x.index),
        g.map((x) => (x.pushed ? 1 : 0)),
        g.map((x) => (x.failed ? 1 : 0)),
        g.map((x) => (x.warmStart ? 1 : 0)),
        g.map((x) => x.startMs),
        g.map((x) => x.endMs),
        g.map((x) => JSON.stringify(x.executions)),
        g.map((x) => JSON.stringify(x.artifacts)),
        g.map((x) => JSON.stringify(x.spans)),
        g.map((x) => JSON.stringify(x.downstream)),
        g.map((x) => JSON.stringify(x.metrics)),
      ],
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
  await client.query(
    `INSERT INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      source.id,
      source.name,
      source.sha256,
      source.size,
      source.kind,
      source.format ?? null,
      source.schemaVersion,
      source.jobId,
      now.toISOString(),
    ],
  );
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
