/** The live OpenLineage source on PostgreSQL: its events, overrides and traces changed in one transaction. */
import type { RoleOverrideEntry } from '@graphlet/contract';
import type pg from 'pg';
import type { LiveChange, LivePlanner, StoredLiveTrace } from '../store.ts';
import { inTransaction } from './postgres-pool.ts';
import { insertTrace } from './postgres-writes.ts';

/** Applies `change` to the live source and writes the traces `plan` makes of its events. */
export function updateLiveSource<R>(
  pool: pg.Pool,
  sourceId: string,
  change: LiveChange,
  plan: LivePlanner<R>,
): Promise<R> {
  return inTransaction(pool, async (client) => {
    if (change.create !== undefined) {
      await client.query(
        `INSERT INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created, live)
         VALUES ($1, $2, $3, 0, 'json', 'openlineage', NULL, NULL, $4, 1) ON CONFLICT DO NOTHING`,
        [sourceId, change.create.name, change.create.sha256, change.create.now.toISOString()],
      );
    }
    // Posts to the live source are applied one at a time: each rebuild sees every earlier event.
    await client.query('SELECT 1 FROM sources WHERE id = $1 FOR UPDATE', [sourceId]);
    const received = change.create?.now.toISOString() ?? new Date().toISOString();
    for (const event of change.events ?? []) {
      await client.query(
        'INSERT INTO lineage_events (source_id, received, event) VALUES ($1, $2, $3)',
        [sourceId, received, event],
      );
    }
    if (change.overrides !== undefined) {
      await client.query('DELETE FROM role_overrides WHERE source_id = $1', [sourceId]);
      for (const [i, o] of change.overrides.entries()) {
        await client.query(
          `INSERT INTO role_overrides (source_id, field, value, role, position) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (source_id, field, value) DO UPDATE SET role = excluded.role, position = excluded.position`,
          [sourceId, o.field, o.value, o.role, i],
        );
      }
    }
    const events = await client.query<{ seq: number; event: string }>(
      'SELECT seq, event FROM lineage_events WHERE source_id = $1 ORDER BY seq',
      [sourceId],
    );
    const overrides = await client.query<{
      field: 'type' | 'name';
      value: string;
      role: RoleOverrideEntry['role'];
    }>('SELECT field, value, role FROM role_overrides WHERE source_id = $1 ORDER BY position', [
      sourceId,
    ]);
    const stored = await client.query<StoredLiveTrace>(
      `SELECT t.id, t.pipeline, t.ordinal, p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
       WHERE t.source_id = $1`,
      [sourceId],
    );
    const planned = plan(events.rows, overrides.rows, stored.rows);
    const byOrdinal = new Map(stored.rows.map((t) => [t.ordinal, t.id]));
    for (const { ordinal, trace } of planned.write) {
      const before = byOrdinal.get(ordinal);
      if (before !== undefined) await client.query('DELETE FROM traces WHERE id = $1', [before]);
      await insertTrace(client, sourceId, ordinal, trace);
    }
    for (const id of planned.delete) await client.query('DELETE FROM traces WHERE id = $1', [id]);
    await client.query('UPDATE sources SET size = $1 WHERE id = $2', [
      events.rows.length,
      sourceId,
    ]);
    if (planned.write.length + planned.delete.length > 0) await client.query('DELETE FROM results');
    return planned.result;
  });
}
