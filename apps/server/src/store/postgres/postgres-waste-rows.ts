/** Waste model rows on PostgreSQL: the model's JSON columns, its test graphlets, forests as bytea. */
import type { WasteModelSummary } from '@graphlet/contract';
import type pg from 'pg';
import type { Store } from '../store.ts';
import { insertSql, WASTE_MODEL_COLUMNS, wasteModelFromRow, wasteModelRow } from '../table-rows.ts';
import { inTransaction } from './postgres-pool.ts';

type WasteRows = Pick<
  Store,
  | 'insertWasteModel'
  | 'listWasteModels'
  | 'getWasteModel'
  | 'findTestGraphlet'
  | 'latestWasteModelFor'
  | 'wasteModelTextBytes'
  | 'insertWasteForest'
  | 'getWasteForest'
  | 'deleteWasteForests'
  | 'deleteWasteModel'
>;

/** The waste-model methods of the PostgreSQL store. */
export function postgresWasteRows(pool: pg.Pool): WasteRows {
  return {
    insertWasteModel(model) {
      const { summary, test } = model;
      return inTransaction(pool, async (client) => {
        await client.query(
          insertSql('waste_models', WASTE_MODEL_COLUMNS, 'postgres'),
          wasteModelRow(model),
        );
        if (test.trainer.length > 0) {
          await client.query(
            `INSERT INTO waste_test_graphlets (model_id, trace_id, trainer, row)
             SELECT $1::text, t, g, (r - 1)::int FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS x(t, g, r)`,
            [summary.id, test.traceId, test.trainer],
          );
        }
      });
    },
    async listWasteModels() {
      const { rows } = await pool.query<{ summary: string }>(
        'SELECT summary FROM waste_models ORDER BY created DESC, seq DESC',
      );
      return rows.map((r) => JSON.parse(r.summary) as WasteModelSummary);
    },
    async getWasteModel(id) {
      const { rows } = await pool.query<
        Record<'summary' | 'results' | 'test' | 'variants', string>
      >('SELECT summary, results, test, variants FROM waste_models WHERE id = $1', [id]);
      const row = rows[0];
      if (row === undefined) return undefined;
      return wasteModelFromRow(row);
    },
    async findTestGraphlet(traceId, trainer) {
      const { rows } = await pool.query<{ model_id: string; row: number }>(
        `SELECT t.model_id, t.row FROM waste_test_graphlets t JOIN waste_models m ON m.id = t.model_id
         WHERE t.trace_id = $1 AND t.trainer = $2 ORDER BY m.created DESC, m.seq DESC LIMIT 1`,
        [traceId, trainer],
      );
      const found = rows[0];
      return found === undefined ? undefined : { modelId: found.model_id, row: found.row };
    },
    async latestWasteModelFor(traceId) {
      const { rows } = await pool.query<{ id: string; summary: string }>(
        'SELECT id, summary FROM waste_models ORDER BY created DESC, seq DESC',
      );
      for (const row of rows) {
        const traces = (JSON.parse(row.summary) as { scope: { traces: string[] | null } }).scope
          .traces;
        if (traces === null || traces.includes(traceId)) return row.id;
      }
      return undefined;
    },
    async wasteModelTextBytes(id) {
      const { rows } = await pool.query<{ n: number }>(
        'SELECT length(summary) + length(results) + length(test) + length(variants) AS n FROM waste_models WHERE id = $1',
        [id],
      );
      return rows[0]?.n ?? 0;
    },
    async insertWasteForest(modelId, variant, forest) {
      await pool.query(
        `INSERT INTO waste_model_forests (model_id, variant, forest) VALUES ($1, $2, $3)
         ON CONFLICT (model_id, variant) DO UPDATE SET forest = excluded.forest`,
        [modelId, variant, Buffer.from(forest.buffer, forest.byteOffset, forest.byteLength)],
      );
    },
    async getWasteForest(modelId, variant) {
      const { rows } = await pool.query<{ forest: Buffer }>(
        'SELECT forest FROM waste_model_forests WHERE model_id = $1 AND variant = $2',
        [modelId, variant],
      );
      const bytes = rows[0]?.forest;
      return bytes === undefined ? undefined : new Uint8Array(bytes);
    },
    async deleteWasteForests(modelId) {
      await pool.query('DELETE FROM waste_model_forests WHERE model_id = $1', [modelId]);
    },
    deleteWasteModel(id) {
      return inTransaction(pool, async (client) => {
        await client.query('DELETE FROM waste_test_graphlets WHERE model_id = $1', [id]);
        await client.query('DELETE FROM waste_model_forests WHERE model_id = $1', [id]);
        const { rowCount } = await client.query('DELETE FROM waste_models WHERE id = $1', [id]);
        return (rowCount ?? 0) > 0;
      });
    },
  };
}
