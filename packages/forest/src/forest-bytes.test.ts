import { describe, expect, it } from 'vitest';
import { forestFromBytes, forestToBytes } from './forest-bytes.ts';
import { predictProba } from './predict-proba.ts';
import { serializeForest } from './serialize-forest.ts';
import { xorTable } from './testing-data.ts';
import { trainForest } from './train-forest.ts';

describe('forestToBytes', () => {
  const { matrix, labels } = xorTable(800, 5, 9, 0.1);
  const forest = trainForest(matrix, labels, { trees: 7, seed: 3, classWeight: 'balanced' });

  it('round-trips a forest exactly, at about the size of its arrays', () => {
    const bytes = forestToBytes(forest);
    const back = forestFromBytes(bytes);
    expect(back).toEqual(forest);
    expect(predictProba(back, matrix)).toEqual(predictProba(forest, matrix));
    const arrays = forest.trees.reduce((n, t) => n + 29 * t.nodeCount + 8 * 5, 0);
    expect(bytes.length).toBeLessThan(arrays + 1024);
    expect(bytes.length).toBeLessThan(JSON.stringify(serializeForest(forest)).length);
  });

  it('rejects truncated, padded and malformed blobs', () => {
    const bytes = forestToBytes(forest);
    expect(() => forestFromBytes(bytes.subarray(0, bytes.length - 8))).toThrow(/past the end/);
    const longer = new Uint8Array(bytes.length + 8);
    longer.set(bytes);
    expect(() => forestFromBytes(longer)).toThrow(/after the last tree/);
    expect(() => forestFromBytes(new Uint8Array([9, 0, 0, 0, 1]))).toThrow(/header/);
    const broken = forestToBytes({
      ...forest,
      trees: [{ ...forest.trees[0]!, left: forest.trees[0]!.left.map(() => 0) }],
    });
    expect(() => forestFromBytes(broken)).toThrow(/tree 0 node 0 is malformed/);
  });
});
