/**
 * The corpus-wide search index: one row per execution and artifact (its drawn label, type, name and
 * URI) in an FTS5 trigram table, so any substring of 3 or more characters is found without a scan;
 * pipelines are matched on the traces table (one row per trace).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SearchHit } from '@graphlet/contract';
import type { Trace } from '@graphlet/core';
import { artifactLabel, executionLabel } from '../layout/node-label.ts';
import { statement } from './statement.ts';

/** One search_nodes row (without trace id): node id, kind, label, type, name, uri. */
export type SearchNodeRow = [
  string,
  'execution' | 'artifact',
  string,
  string,
  string | null,
  string | null,
];

/** The search rows of a trace's executions and artifacts, in index order. */
export function searchNodeRows(
  trace: Partial<Pick<Trace, 'executions' | 'artifacts'>>,
): SearchNodeRow[] {
  const rows: SearchNodeRow[] = [];
  for (const e of trace.executions ?? [])
    rows.push([`e${e.id}`, 'execution', executionLabel(e), e.type, e.name ?? null, null]);
  for (const a of trace.artifacts ?? [])
    rows.push([`a${a.id}`, 'artifact', artifactLabel(a), a.type, a.name ?? null, a.uri ?? null]);
  return rows;
}

/** Adds nodes of one trace to the index (inside the caller's transaction); none when it has none. */
export function indexTraceNodes(
  db: DatabaseSync,
  traceId: string,
  trace: Partial<Pick<Trace, 'executions' | 'artifacts'>>,
): void {
  indexNodeRows(db, traceId, searchNodeRows(trace));
}

/**
 * Adds search rows of one trace to the index (inside the caller's transaction). The rows are
 * written first, then their text enters the trigram index in one statement: far cheaper than an
 * insert per row into the full-text table (migration 14).
 */
export function indexNodeRows(
  db: DatabaseSync,
  traceId: string,
  rows: readonly SearchNodeRow[],
): void {
  if (rows.length === 0) return;
  const { next } = statement(
    db,
    'SELECT COALESCE(MAX(id), 0) + 1 AS next FROM search_nodes',
  ).get() as {
    next: number;
  };
  const insert = statement(
    db,
    'INSERT INTO search_nodes (trace_id, node_id, kind, label, type, name, uri) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const row of rows) insert.run(traceId, ...row);
  statement(
    db,
    `INSERT INTO search_text (rowid, label, type, name, uri)
     SELECT id, label, type, name, uri FROM search_nodes WHERE id >= ?`,
  ).run(next);
}

/** Removes nodes of one trace from the index (their text too, by the delete trigger). */
export function unindexTraceNodes(
  db: DatabaseSync,
  traceId: string,
  nodeIds: readonly string[],
): void {
  const remove = statement(db, 'DELETE FROM search_nodes WHERE trace_id = ? AND node_id = ?');
  for (const id of nodeIds) remove.run(traceId, id);
}

/** Indexes every trace that has no row in the index yet (traces imported before migration 13). */
export function indexMissingTraces(db: DatabaseSync): number {
  const missing = db
    .prepare(
      `SELECT t.id, p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
       WHERE t.executions + t.artifacts > 0
         AND NOT EXISTS (SELECT 1 FROM search_nodes s WHERE s.trace_id = t.id)`,
    )
    .all() as { id: string; trace: string }[];
  for (const row of missing) {
    db.exec('BEGIN IMMEDIATE');
    try {
      indexTraceNodes(db, row.id, JSON.parse(row.trace) as Trace);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return missing.length;
}

/** FTS5 query text for a literal substring: one quoted string (quotes doubled). */
function phrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A search the store gave up on after `timeoutMs`: too little in the query to narrow by. */
export class SearchTooBroadError extends Error {
  readonly query: string;
  readonly timeoutMs: number;

  constructor(query: string, timeoutMs: number) {
    super(`search: "${query}" took longer than ${timeoutMs / 1000} s`);
    this.name = 'SearchTooBroadError';
    this.query = query;
    this.timeoutMs = timeoutMs;
  }
}

/** LIKE pattern for a literal substring (`\` escapes). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface NodeRow {
  trace_id: string;
  pipeline: string;
  node_id: string;
  kind: 'execution' | 'artifact';
  label: string;
  type: string;
  name: string | null;
  uri: string | null;
}

/** The pipeline hits of a search, as answered. */
export function pipelineHits(pipelines: readonly { id: string; pipeline: string }[]): SearchHit[] {
  return pipelines.map((p) => ({
    kind: 'pipeline',
    traceId: p.id,
    pipeline: p.pipeline,
    nodeId: null,
    label: p.pipeline,
    type: null,
    name: null,
    uri: null,
  }));
}

/** The node hits of a search, as answered. */
export function nodeHits(nodes: readonly NodeRow[]): SearchHit[] {
  return nodes.map((n) => ({
    kind: n.kind,
    traceId: n.trace_id,
    pipeline: n.pipeline,
    nodeId: n.node_id,
    label: n.label,
    type: n.type,
    name: n.name,
    uri: n.uri,
  }));
}

/**
 * Up to `limit` matches of `text` (case-insensitive substring, 3+ characters): pipelines first (by
 * name), then nodes in index order (by trace, executions before artifacts); `more` when some were
 * left out.
 */
export function searchCorpus(
  db: DatabaseSync,
  text: string,
  limit: number,
): { hits: SearchHit[]; more: boolean } {
  const pipelines = statement(
    db,
    `SELECT id, pipeline FROM traces WHERE pipeline LIKE ? ESCAPE '\\' ORDER BY pipeline, id LIMIT ?`,
  ).all(likePattern(text), limit + 1) as { id: string; pipeline: string }[];
  const hits = pipelineHits(pipelines.slice(0, limit));
  const room = limit - hits.length;
  if (room <= 0) return { hits, more: pipelines.length > limit };
  const nodes = statement(
    db,
    `SELECT s.trace_id, t.pipeline, s.node_id, s.kind, s.label, s.type, s.name, s.uri
     FROM (SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid LIMIT ?) m
     JOIN search_nodes s ON s.id = m.rowid JOIN traces t ON t.id = s.trace_id
     ORDER BY s.id`,
  ).all(phrase(text), room + 1) as unknown as NodeRow[];
  hits.push(...nodeHits(nodes.slice(0, room)));
  return { hits, more: nodes.length > room };
}
