/**
 * Waste model rows: the stored model (JSON columns), an index of its test graphlets, and each
 * variant's forest as a binary blob (@graphlet/forest's forestToBytes).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { WasteModelSummary } from '@graphlet/contract';
import type { StoredWasteModel } from '../waste/stored-waste-model.ts';
import { statement, transaction } from './statement.ts';
import { insertSql, WASTE_MODEL_COLUMNS, wasteModelFromRow, wasteModelRow } from './table-rows.ts';

/** Writes a model and its test graphlets in one transaction. */
export function insertWasteModel(db: DatabaseSync, model: StoredWasteModel): void {
  const { summary, test } = model;
  transaction(db, () => {
    statement(db, insertSql('waste_models', WASTE_MODEL_COLUMNS, 'sqlite')).run(
      ...wasteModelRow(model),
    );
    const insert = statement(
      db,
      'INSERT INTO waste_test_graphlets (model_id, trace_id, trainer, row) VALUES (?, ?, ?, ?)',
    );
    for (let i = 0; i < test.trainer.length; i++) {
      insert.run(summary.id, test.traceId[i]!, test.trainer[i]!, i);
    }
  });
}

/** Every model's summary, newest first. */
export function listWasteModels(db: DatabaseSync): WasteModelSummary[] {
  const rows = statement(
    db,
    'SELECT summary FROM waste_models ORDER BY created DESC, rowid DESC',
  ).all() as unknown as { summary: string }[];
  return rows.map((r) => JSON.parse(r.summary) as WasteModelSummary);
}

/** The whole stored model, or undefined. */
export function getWasteModel(db: DatabaseSync, id: string): StoredWasteModel | undefined {
  const row = statement(
    db,
    'SELECT summary, results, test, variants FROM waste_models WHERE id = ?',
  ).get(id) as Record<'summary' | 'results' | 'test' | 'variants', string> | undefined;
  if (row === undefined) return undefined;
  return wasteModelFromRow(row);
}

/** The newest model whose test set holds the graphlet, with the graphlet's row; or undefined. */
export function findTestGraphlet(
  db: DatabaseSync,
  traceId: string,
  trainer: number,
): { readonly modelId: string; readonly row: number } | undefined {
  const found = statement(
    db,
    `SELECT t.model_id, t.row FROM waste_test_graphlets t JOIN waste_models m ON m.id = t.model_id
     WHERE t.trace_id = ? AND t.trainer = ? ORDER BY m.created DESC, m.rowid DESC LIMIT 1`,
  ).get(traceId, trainer) as { model_id: string; row: number } | undefined;
  return found === undefined ? undefined : { modelId: found.model_id, row: found.row };
}

/** The newest model's id, or undefined. */
/**
 * The newest model trained on a scope that holds `traceId`: the whole corpus (a trace imported
 * after training is scored as a newcomer to it) or a trace list naming it.
 */
export function latestWasteModelFor(db: DatabaseSync, traceId: string): string | undefined {
  const rows = statement(
    db,
    'SELECT id, summary FROM waste_models ORDER BY created DESC, rowid DESC',
  ).iterate() as Iterable<{ id: string; summary: string }>;
  for (const row of rows) {
    const traces = (JSON.parse(row.summary) as { scope: { traces: string[] | null } }).scope.traces;
    if (traces === null || traces.includes(traceId)) return row.id;
  }
  return undefined;
}

/** The length of a model's stored JSON text (0 when there is no such model), to weigh it in memory. */
export function wasteModelTextBytes(db: DatabaseSync, id: string): number {
  const row = statement(
    db,
    'SELECT length(summary) + length(results) + length(test) + length(variants) AS n FROM waste_models WHERE id = ?',
  ).get(id) as { n: number } | undefined;
  return row?.n ?? 0;
}

/** Stores one variant's forest (bytes from forestToBytes) as soon as it is trained. */
export function insertWasteForest(
  db: DatabaseSync,
  modelId: string,
  variant: string,
  forest: Uint8Array,
): void {
  statement(
    db,
    'INSERT OR REPLACE INTO waste_model_forests (model_id, variant, forest) VALUES (?, ?, ?)',
  ).run(modelId, variant, forest);
}

/** A variant's forest bytes, or undefined (models stored before blobs keep theirs in JSON). */
export function getWasteForest(
  db: DatabaseSync,
  modelId: string,
  variant: string,
): Uint8Array | undefined {
  const row = statement(
    db,
    'SELECT forest FROM waste_model_forests WHERE model_id = ? AND variant = ?',
  ).get(modelId, variant) as { forest: Uint8Array } | undefined;
  return row?.forest;
}

/** Drops the forests of a model whose training failed before its model row was written. */
export function deleteWasteForests(db: DatabaseSync, modelId: string): void {
  statement(db, 'DELETE FROM waste_model_forests WHERE model_id = ?').run(modelId);
}

/** Removes a model with its test graphlets and forests; false when there is no such model. */
export function deleteWasteModel(db: DatabaseSync, id: string): boolean {
  return transaction(db, () => {
    statement(db, 'DELETE FROM waste_test_graphlets WHERE model_id = ?').run(id);
    statement(db, 'DELETE FROM waste_model_forests WHERE model_id = ?').run(id);
    return statement(db, 'DELETE FROM waste_models WHERE id = ?').run(id).changes > 0;
  });
}
