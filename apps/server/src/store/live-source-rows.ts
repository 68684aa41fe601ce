/** The live OpenLineage source on SQLite: its events, overrides and traces changed in one transaction. */
import type { DatabaseSync } from 'node:sqlite';
import { clearResults } from './results-cache.ts';
import { listRoleOverrides, replaceRoleOverrides } from './role-override-rows.ts';
import { statement, transaction } from './statement.ts';
import type { LiveChange, LivePlanner, StoredLiveTrace } from './store.ts';
import { insertTrace } from './write-import.ts';

/** Applies `change` to the live source and writes the traces `plan` makes of its events. */
export function updateLiveSource<R>(
  db: DatabaseSync,
  sourceId: string,
  change: LiveChange,
  plan: LivePlanner<R>,
): R {
  return transaction(db, () => {
    if (change.create !== undefined) {
      statement(
        db,
        `INSERT OR IGNORE INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created, live)
         VALUES (?, ?, ?, 0, 'json', 'openlineage', NULL, NULL, ?, 1)`,
      ).run(sourceId, change.create.name, change.create.sha256, change.create.now.toISOString());
    }
    const received = change.create?.now.toISOString() ?? new Date().toISOString();
    const insert = statement(
      db,
      'INSERT INTO lineage_events (source_id, received, event) VALUES (?, ?, ?)',
    );
    for (const event of change.events ?? []) insert.run(sourceId, received, event);
    if (change.overrides !== undefined) replaceRoleOverrides(db, sourceId, change.overrides);
    const events = statement(
      db,
      'SELECT seq, event FROM lineage_events WHERE source_id = ? ORDER BY seq',
    ).all(sourceId) as { seq: number; event: string }[];
    const stored = statement(
      db,
      `SELECT t.id, t.pipeline, t.ordinal, p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
       WHERE t.source_id = ?`,
    ).all(sourceId) as unknown as StoredLiveTrace[];
    const planned = plan(events, listRoleOverrides(db, sourceId), stored);
    const byOrdinal = new Map(stored.map((t) => [t.ordinal, t.id]));
    for (const { ordinal, trace } of planned.write) {
      const before = byOrdinal.get(ordinal);
      if (before !== undefined) statement(db, 'DELETE FROM traces WHERE id = ?').run(before);
      insertTrace(db, sourceId, ordinal, trace);
    }
    for (const id of planned.delete) statement(db, 'DELETE FROM traces WHERE id = ?').run(id);
    statement(db, 'UPDATE sources SET size = ? WHERE id = ?').run(events.length, sourceId);
    if (planned.write.length + planned.delete.length > 0) clearResults(db);
    return planned.result;
  });
}
