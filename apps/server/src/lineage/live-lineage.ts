/**
 * The live OpenLineage source: events posted to /api/v1/lineage are validated, kept in
 * `lineage_events`, and the source's traces rebuilt from all its events (merging by run needs
 * them all; rebuilding costs linear time in the events). A pipeline keeps its trace id across
 * rebuilds, so an open Trace page follows it; new pipelines get the next ordinal.
 */
import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { FormatError, openLineageToTraces, validateOpenLineageEvent } from '@graphlet/formats';
import { apiError } from '../http/api-error.ts';
import { storeTrace } from '../import/store-trace.ts';
import { clearResults } from '../store/results-cache.ts';
import { listRoleOverrides, toCoreOverrides } from '../store/role-override-rows.ts';
import { statement, transaction } from '../store/statement.ts';
import { insertTrace, traceId } from '../store/write-import.ts';

const MARKER = 'graphlet-explorer:openlineage-live';
/** The live source's sha256 column: a marker, not a file's hash. */
const LIVE_SHA = createHash('sha256').update(MARKER).digest('hex');
/** The live source's id. */
export const LIVE_SOURCE_ID = LIVE_SHA.slice(0, 16);

/** Validates events (one, or an array), stores them and rebuilds the live source; 400 naming the field. */
export function receiveLineage(db: DatabaseSync, body: unknown, now = new Date()): LiveRebuild {
  const events = Array.isArray(body) ? body : [body];
  if (events.length === 0) throw apiError(400, 'invalid_event', 'lineage: no events in the body');
  events.forEach((event, i) => {
    try {
      validateOpenLineageEvent(event, Array.isArray(body) ? `events[${i}]` : 'event', 'lineage');
    } catch (error) {
      if (error instanceof FormatError) throw apiError(400, 'invalid_event', error.message);
      throw error;
    }
  });
  return transaction(db, () => {
    ensureLiveSource(db, now);
    const insert = statement(
      db,
      'INSERT INTO lineage_events (source_id, received, event) VALUES (?, ?, ?)',
    );
    for (const event of events)
      insert.run(LIVE_SOURCE_ID, now.toISOString(), JSON.stringify(event));
    return rebuildLiveSource(db);
  });
}

function ensureLiveSource(db: DatabaseSync, now: Date): void {
  statement(
    db,
    `INSERT OR IGNORE INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created, live)
     VALUES (?, 'OpenLineage (live)', ?, 0, 'json', 'openlineage', NULL, NULL, ?, 1)`,
  ).run(LIVE_SOURCE_ID, LIVE_SHA, now.toISOString());
}

/** The live source's traces after a rebuild, and the ids of those that changed. */
export interface LiveRebuild {
  readonly traces: { id: string; pipeline: string }[];
  readonly changed: string[];
}

/**
 * Rebuilds the live source's traces from its events and overrides (call inside a transaction).
 * Runs are merged from all events (a run's events may arrive in any order), but only the
 * pipelines whose trace changed are segmented and written again; the others stay as stored.
 */
export function rebuildLiveSource(db: DatabaseSync): LiveRebuild {
  const rows = statement(
    db,
    'SELECT seq, event FROM lineage_events WHERE source_id = ? ORDER BY seq',
  ).all(LIVE_SOURCE_ID) as { seq: number; event: string }[];
  const events = rows.map((r) => ({
    raw: JSON.parse(r.event) as unknown,
    where: `event ${r.seq}`,
  }));
  const overrides = toCoreOverrides(listRoleOverrides(db, LIVE_SOURCE_ID));
  const { traces } =
    events.length === 0
      ? { traces: [] }
      : openLineageToTraces(events, 'lineage', { roleOverrides: overrides });
  const stored = new Map(
    (
      statement(
        db,
        `SELECT t.id, t.pipeline, t.ordinal, p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
         WHERE t.source_id = ?`,
      ).all(LIVE_SOURCE_ID) as { id: string; pipeline: string; ordinal: number; trace: string }[]
    ).map((r) => [r.pipeline, r]),
  );
  let next = Math.max(0, ...[...stored.values()].map((r) => r.ordinal)) + 1;
  const out: { id: string; pipeline: string }[] = [];
  const changed: string[] = [];
  for (const trace of traces) {
    const before = stored.get(trace.pipeline);
    stored.delete(trace.pipeline);
    const ordinal = before?.ordinal ?? next++;
    const id = traceId(LIVE_SOURCE_ID, ordinal);
    out.push({ id, pipeline: trace.pipeline });
    if (before !== undefined && before.trace === JSON.stringify(trace)) continue;
    if (before !== undefined) statement(db, 'DELETE FROM traces WHERE id = ?').run(id);
    insertTrace(db, LIVE_SOURCE_ID, ordinal, storeTrace(trace));
    changed.push(id);
  }
  // Pipelines no events build any more (their runs moved under another root job).
  for (const gone of stored.values()) {
    statement(db, 'DELETE FROM traces WHERE id = ?').run(gone.id);
    changed.push(gone.id);
  }
  statement(db, 'UPDATE sources SET size = ? WHERE id = ?').run(rows.length, LIVE_SOURCE_ID);
  if (changed.length > 0) clearResults(db);
  return { traces: out, changed };
}
