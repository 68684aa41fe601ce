import { MAIN_VARIANTS } from '@graphlet/core';
import { predictProba, trainForest } from '@graphlet/forest';
import { describe, expect, it } from 'vitest';
import { buildSkipPolicy, scorePolicy } from './skip-policy.ts';
import { parseSkipPolicy } from './skip-policy-schema.ts';

/** Push exactly when feature b > 0.5; feature a is noise. */
function data() {
  const n = 200;
  const values = new Float64Array(n * 2);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    values[2 * r] = (r * 7919) % 101;
    values[2 * r + 1] = (r % 10) / 10;
    labels[r] = values[2 * r + 1]! > 0.5 ? 1 : 0;
  }
  return { matrix: { values, nRows: n, nFeatures: 2 }, labels };
}

function policy(threshold = 0.5) {
  const { matrix, labels } = data();
  const forest = trainForest(matrix, labels, { trees: 7, seed: 3 });
  const p = buildSkipPolicy({
    variant: MAIN_VARIANTS[1]!,
    threshold,
    featureOptions: { window: 3, architectureBuckets: 8 },
    features: ['input.a', 'pre.b'],
    forest,
    evaluation: {
      balancedAccuracy: 1,
      freshness: 1,
      waste: 0,
      trainGraphlets: 200,
      testGraphlets: 0,
    },
  });
  return { p, forest };
}

describe('skip policy', () => {
  it('survives a JSON round trip and scores like the forest', () => {
    const { p, forest } = policy(0.5);
    const parsed = parseSkipPolicy(JSON.parse(JSON.stringify(p)));
    expect(parsed.variant).toBe('RF:Input+Pre');
    for (const [a, b] of [
      [3, 0.9],
      [50, 0.1],
      [Number.NaN, 0.7],
    ] as const) {
      const expected = predictProba(forest, {
        values: Float64Array.from([a, b]),
        nRows: 1,
        nFeatures: 2,
      })[0]!;
      const byName = scorePolicy(parsed, {
        'input.a': Number.isNaN(a) ? null : a,
        'pre.b': b,
        extra: 1,
      });
      expect(byName.probability).toBe(expected);
      expect(scorePolicy(parsed, [a, b]).probability).toBe(expected);
      expect(byName.decision).toBe(expected >= 0.5 ? 'run' : 'skip');
    }
    expect(scorePolicy(parsed, { 'pre.b': 0.9 }).decision).toBe('run');
    expect(scorePolicy(parsed, { 'input.a': 1, 'pre.b': 0.1 }).decision).toBe('skip');
  });

  it('applies its threshold: 0 runs everything', () => {
    const { p } = policy(0);
    expect(scorePolicy(p, [1, 0]).decision).toBe('run');
    expect(() => scorePolicy(p, [1])).toThrow(/the policy has 2 features, got 1/);
  });

  it('rejects malformed documents with the path of the first problem', () => {
    const { p } = policy();
    const json = JSON.parse(JSON.stringify(p));
    expect(() => parseSkipPolicy({ ...json, variant: 'RF:Everything' })).toThrow(
      /invalid skip policy at variant/,
    );
    expect(() => parseSkipPolicy({ ...json, features: ['only-one'] })).toThrow(
      /at features: features must name every forest feature/,
    );
    expect(() => parseSkipPolicy({ ...json, forest: { ...json.forest, format: 'x' } })).toThrow(
      /at forest.format/,
    );
    expect(() => parseSkipPolicy(null)).toThrow(/invalid skip policy at \(root\)/);
    // Arrays of the wrong length pass the schema but not deserialization.
    const bad = structuredClone(json);
    bad.forest.trees[0].nodeCount += 1;
    expect(() => scorePolicy(parseSkipPolicy(bad), [1, 1])).toThrow(/forest: tree 0/);
  });
});
