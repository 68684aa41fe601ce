import { describe, expect, it } from 'vitest';
import { elkGraph, elkPositions } from './elk-graph.ts';
import { diffSpans } from './graphlet-diff.ts';
import { optionalMetrics } from './optional-metrics.ts';

describe('diffSpans', () => {
  it('lists added and dropped spans with their Jaccard similarity', () => {
    expect(diffSpans([3, 4, 5], [1, 3, 4])).toEqual({
      spansAdded: [5],
      spansDropped: [1],
      spansKept: 2,
      jaccard: 0.5,
    });
    expect(diffSpans([], []).jaccard).toBeUndefined();
    expect(diffSpans([1], []).jaccard).toBe(0);
  });
});

describe('elk layout helpers', () => {
  it('builds a layered left-to-right graph, skipping dangling edges', () => {
    const graph = elkGraph(
      [
        { id: 'e1', kind: 'execution' },
        { id: 'a2', kind: 'artifact' },
      ],
      [
        { source: 'e1', target: 'a2' },
        { source: 'a2', target: 'e9' },
      ],
    );
    expect(graph.layoutOptions?.['elk.direction']).toBe('RIGHT');
    expect(graph.children?.map((c) => c.width)).toEqual([30, 12]);
    expect(graph.edges).toEqual([{ id: 'e0', sources: ['e1'], targets: ['a2'] }]);
  });
  it('reads centre positions', () => {
    expect(
      elkPositions({ id: 'root', children: [{ id: 'e1', x: 10, y: 20, width: 30, height: 30 }] }),
    ).toEqual({
      e1: { x: 25, y: 35 },
    });
  });
});

describe('optionalMetrics', () => {
  it('finds metrics wherever the server put them, and nothing when absent', () => {
    const found = optionalMetrics({
      pushProbability: 0.8,
      graphlet: {
        metrics: {
          datasetSimilarity: 0.9,
          codeMatch: false,
          computeByGroup: { trainer: 10, bad: 'x' },
        },
      },
    });
    expect(found).toEqual({
      datasetSimilarity: 0.9,
      jaccard: undefined,
      codeMatch: false,
      computeByGroup: { trainer: 10 },
      pushProbability: 0.8,
      features: undefined,
    });
    expect(Object.values(optionalMetrics({ graphlet: {} })).every((v) => v === undefined)).toBe(
      true,
    );
  });
});
