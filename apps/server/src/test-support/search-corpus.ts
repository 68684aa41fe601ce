/**
 * A corpus for search tests (every MLMD fixture's traces, two generated pipelines, odd characters)
 * with its queries and the hits a search must answer, found by brute force.
 */
import { type Trace, TraceBuilder } from '@graphlet/core';
import { openMlmdStore } from '@graphlet/formats';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { generateCorpusPipeline } from '@graphlet/synth';
import { searchNodeRows } from '../store/search-index.ts';

/** Every MLMD fixture's traces, generated pipelines of 352 and 1,156 nodes, odd characters. */
export async function searchCorpusTraces(): Promise<Trace[]> {
  const traces: Trace[] = [];
  for (const name of MLMD_FIXTURES) {
    const store = await openMlmdStore(fixturePath(name));
    try {
      for await (const trace of store.traces()) traces.push(trace);
    } finally {
      await store.close();
    }
  }
  traces.push(generateCorpusPipeline(1, 1), generateCorpusPipeline(1, 0));
  const b = new TraceBuilder('données-数据集');
  const data = b.artifact('Examples', { name: 'Modèle·Übung', uri: 'file:///tmp/a b/c%20d_e\\f' });
  b.execution('Trainer', { name: 'entraîner_数据集:run-0', inputs: [data] });
  traces.push(b.build());
  return traces;
}

/** ASCII letters folded: what both stores fold at least (the corpus differs in no other case). */
const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The hits a search must answer, by brute force over the traces in write order. */
export function expectedSearch(
  traces: readonly Trace[],
  query: string,
  limit: number,
  sourceId = 's',
) {
  const q = fold(query);
  const ids = traces.map((_, i) => `${sourceId}-${i + 1}`);
  const pipelines = traces
    .map((t, i) => ({ id: ids[i]!, pipeline: t.pipeline }))
    .filter((p) => fold(p.pipeline).includes(q))
    .sort((a, b) => (a.pipeline === b.pipeline ? 0 : a.pipeline < b.pipeline ? -1 : 1))
    .map((p) => ['pipeline', p.id, null]);
  const nodes = traces.flatMap((t, i) =>
    searchNodeRows(t)
      .filter(([, , ...fields]) => fields.some((f) => f !== null && fold(f).includes(q)))
      .map(([nodeId, kind]) => [kind, ids[i], nodeId]),
  );
  const all = [...pipelines, ...nodes];
  return { hits: all.slice(0, limit), more: all.length > limit };
}

/** Queries cut from the corpus's own text at spread-out places (across separators too), and some set ones. */
export function searchQueries(traces: readonly Trace[]): string[] {
  const texts = traces.flatMap((t) =>
    searchNodeRows(t).flatMap(([, , label, type, name, uri]) => [label, type, name, uri]),
  );
  const cut: string[] = [];
  for (let i = 0; cut.length < 150; i++) {
    const text = texts[(i * 7919) % texts.length];
    if (text === null || text === undefined || text.length < 3) continue;
    const length = 3 + (i % 12);
    const start = (i * 31) % Math.max(1, text.length - length + 1);
    const piece = text.slice(start, start + length);
    // Half of them with their ASCII case flipped.
    cut.push(
      i % 2 === 0
        ? piece
        : piece.replace(/[a-z]/gi, (c) =>
            c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
          ),
    );
  }
  // Across two fields of a node, with a separator between: no field holds it, so no hit.
  const [, , label, type] = searchNodeRows(traces.at(-1)!)[0]!;
  const spanning = `${label.slice(-2)}\x1f${type.slice(0, 2)}`;
  return [
    ...cut,
    spanning,
    '~~~',
    'Pusher',
    'TRAINER',
    '://',
    '0:r',
    '0:z',
    'Übung',
    '数据集',
    'c%20d_e',
    'a b/c',
    'no-such-node-anywhere',
  ];
}
