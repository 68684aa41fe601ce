import { describe, expect, it } from 'vitest';
import { artifactId, executionId } from '../ids.ts';
import { TraceBuilder } from '../trace-builder.ts';
import { codeMatch, datasetSimilarity, spanJaccard } from './pair-similarity.ts';
import { graphlet } from './tiny-corpus.test-support.ts';
import { traceView } from './trace-view.ts';

const a = artifactId;
const g = (spans: number[], trainer = 1) =>
  graphlet({ trainer: executionId(trainer), index: 0, spans: spans.map(a) });

describe('spanJaccard', () => {
  it('is |I ∩ I′| / |I ∪ I′|', () => {
    expect(spanJaccard(g([1, 2, 3]), g([2, 3, 4, 5]))).toBe(2 / 5);
    expect(spanJaccard(g([1]), g([1]))).toBe(1);
    expect(spanJaccard(g([1]), g([]))).toBe(0);
    expect(spanJaccard(g([]), g([]))).toBeUndefined();
  });
});

describe('datasetSimilarity', () => {
  // Spans created in id order 1..4 with span numbers 4, 3, 2, 1 (reverse), so ordering by span
  // number differs from ordering by id. Feature x has mean 0 in spans 1 and 2, mean 5 in 3 and 4.
  const b = new TraceBuilder();
  // Feature `y` is in span 4 only, so it is never shared and never counted.
  const stats = (mean: number, span: number) => ({
    features: [
      { name: 'x', kind: 'numeric', mean, std: 1 },
      ...(span === 4 ? [{ name: 'y', kind: 'numeric', mean: 0, std: 1 }] : []),
    ],
  });
  const e = b.execution('CsvExampleGen');
  for (const [span, mean] of [
    [4, 5],
    [3, 5],
    [2, 0],
    [1, 0],
  ] as const) {
    b.output(e, 'Examples', 'examples', {
      customProperties: { span, feature_statistics: JSON.stringify(stats(mean, span)) },
    });
  }
  const plain = b.output(e, 'Examples'); // id 5: no span number, no statistics
  const view = traceView(b.build());

  it('pairs spans ordinally by span number', () => {
    // g: spans numbered 1, 2 (ids 4, 3); g′: spans numbered 3, 4 (ids 2, 1): pairs disagree.
    expect(datasetSimilarity(view, g([3, 4]), g([1, 2]))).toBe(0);
    // g: [1, 2], g′: [2, 3] -> pairs (1,2) agree, (2,3) disagree.
    expect(datasetSimilarity(view, g([3, 4]), g([2, 3]))).toBe(0.5);
    // Up to the shorter list: g: [1], g′: [1, 4] -> one pair, identical.
    expect(datasetSimilarity(view, g([4]), g([1, 4]))).toBe(1);
  });

  it('is undefined when no pair carries statistics', () => {
    expect(datasetSimilarity(view, g([plain]), g([1]))).toBeUndefined();
    expect(datasetSimilarity(view, g([]), g([1]))).toBeUndefined();
    expect(view.spanNumber(plain)).toBe(plain);
  });
});

describe('codeMatch', () => {
  const b = new TraceBuilder();
  const t1 = b.execution('Trainer', { customProperties: { code_version: 'abc' } });
  const t2 = b.execution('Trainer', { properties: { code_version: 'abc' } });
  const t3 = b.execution('Trainer', { customProperties: { code_version: 7 } });
  const t4 = b.execution('Trainer');
  const view = traceView(b.build());
  it('compares code_version, undefined when either lacks one', () => {
    expect(codeMatch(view, g([], t1), g([], t2))).toBe(true);
    expect(codeMatch(view, g([], t2), g([], t3))).toBe(false);
    expect(codeMatch(view, g([], t3), g([], t4))).toBeUndefined();
  });
});
