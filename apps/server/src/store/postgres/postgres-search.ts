/**
 * Corpus search on PostgreSQL: a trace's nodes are kept in chunks of `SEARCH_CHUNK_NODES`, one row
 * each (the nodes' columns as arrays, in index order) with the chunk's distinct words, and only
 * those words enter the `pg_trgm` index. A query's words narrow the chunks through that index;
 * the nodes of the chunks left are matched with ILIKE, one by one. A row per node with its whole
 * text in the index was nearly nine tenths of PostgreSQL's CPU for each pipeline written, and the
 * database's CPU is what more workers cannot divide (`pnpm bench postgres-search` compares them).
 */
import type pg from 'pg';
import {
  likePattern,
  type NodeRow,
  type SearchNodeRow,
  SearchTooBroadError,
} from '../search-index.ts';
import { distinctWords, wordPatterns } from '../search-words.ts';
import { inTransaction } from './postgres-pool.ts';

/** Nodes a chunk holds: a query's candidates are rechecked a chunk at a time. */
const SEARCH_CHUNK_NODES = 64;

/**
 * How long PostgreSQL may spend on one search's nodes. A query with nothing to narrow by and few
 * hits reads every chunk (a few seconds at paper scale); past this it is canceled, not left
 * holding a connection while the person typing it has moved on.
 */
const SEARCH_TIMEOUT_MS = 5000;

/** Whether one field of a node (`n` a chunk's unnested node) holds the pattern $1. */
const NODE_MATCH = ['label', 'type', 'name', 'uri']
  .map((field) => `n.${field} ILIKE $1 ESCAPE '\\'`)
  .join(' OR ');

/**
 * A chunk's fields joined (`c` a chunk row): every field of its nodes appears whole in it, so a
 * chunk whose text lacks the query holds no hit and is passed over, its nodes never unnested.
 */
const CHUNK_TEXT = `array_to_string(c.labels || c.types || c.names || c.uris, E'\\x1f')`;

/** Writes a trace's search rows (inside the caller's transaction), in one statement. */
export async function insertSearchChunks(
  client: pg.ClientBase,
  traceId: string,
  nodes: readonly SearchNodeRow[],
): Promise<void> {
  if (nodes.length === 0) return;
  const words: string[] = [];
  for (let start = 0; start < nodes.length; start += SEARCH_CHUNK_NODES) {
    const chunk = nodes.slice(start, start + SEARCH_CHUNK_NODES);
    words.push(
      distinctWords(chunk.flatMap(([, , label, type, name, uri]) => [label, type, name, uri])),
    );
  }
  const column = (c: number) => nodes.map((row) => row[c]);
  // One sequence value per trace orders its hits after those of traces written before it.
  await client.query(
    `INSERT INTO search_chunks (trace_id, trace_seq, chunk, node_ids, kinds, labels, types, names, uris, words)
     SELECT $1::text, seq.v, g.chunk, g.node_ids, g.kinds, g.labels, g.types, g.names, g.uris, w.words
     FROM (SELECT nextval('search_trace_seq') AS v) seq,
       (SELECT (i - 1) / $9 AS chunk, array_agg(node_id ORDER BY i) AS node_ids,
          array_agg(kind ORDER BY i) AS kinds, array_agg(label ORDER BY i) AS labels,
          array_agg(type ORDER BY i) AS types, array_agg(name ORDER BY i) AS names,
          array_agg(uri ORDER BY i) AS uris
        FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
          WITH ORDINALITY AS n(node_id, kind, label, type, name, uri, i)
        GROUP BY 1) g
     JOIN unnest($8::text[]) WITH ORDINALITY AS w(words, c) ON w.c - 1 = g.chunk`,
    [traceId, ...[0, 1, 2, 3, 4, 5].map(column), words, SEARCH_CHUNK_NODES],
  );
}

/**
 * Up to `limit` nodes whose label, type, name or URI contains `text` (case-insensitively), by
 * trace (in the order they were written), then in index order; throws SearchTooBroadError past
 * `timeoutMs`.
 */
export async function searchNodes(
  pool: pg.Pool,
  text: string,
  limit: number,
  timeoutMs = SEARCH_TIMEOUT_MS,
): Promise<NodeRow[]> {
  const patterns = wordPatterns(text);
  // Each word of the query narrows the chunks through the trigram index (words too short to give
  // it a trigram leave PostgreSQL reading chunks in order). A query of separators alone reads
  // every chunk: one whose text lacks it is passed over without unnesting its nodes, which halves
  // that time. With words that test costs more than it saves: the planner then sorts every
  // candidate chunk, where it reads them in order up to the limit.
  const narrow =
    patterns.length === 0
      ? `AND ${CHUNK_TEXT} ILIKE $1 ESCAPE '\\'`
      : patterns.map((_, i) => `AND c.words ILIKE $${i + 3}`).join(' ');
  const query = {
    text: `SELECT c.trace_id, t.pipeline, n.node_id, n.kind, n.label, n.type, n.name, n.uri
     FROM search_chunks c JOIN traces t ON t.id = c.trace_id
     CROSS JOIN LATERAL unnest(c.node_ids, c.kinds, c.labels, c.types, c.names, c.uris)
       WITH ORDINALITY AS n(node_id, kind, label, type, name, uri, i)
     WHERE (${NODE_MATCH}) ${narrow}
     ORDER BY c.trace_seq, c.chunk, n.i LIMIT $2`,
    values: [likePattern(text), limit, ...patterns],
  };
  try {
    return await inTransaction(pool, async (client) => {
      await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
      return (await client.query<NodeRow>(query)).rows;
    });
  } catch (error) {
    if (isStatementTimeout(error)) throw new SearchTooBroadError(text, timeoutMs);
    throw error;
  }
}

/** PostgreSQL's cancel of a statement past statement_timeout (57014, not a cancel by request). */
function isStatementTimeout(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '57014' && typeof message === 'string' && message.includes('statement timeout');
}
