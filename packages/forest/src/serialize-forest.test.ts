import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.ts';
import { predictProba } from './predict-proba.ts';
import { deserializeForest, serializeForest } from './serialize-forest.ts';
import { xorTable } from './testing-data.ts';
import { trainForest } from './train-forest.ts';

describe('base64', () => {
  it('matches known encodings (RFC 4648 test vectors)', () => {
    const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    for (const [plain, encoded] of [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ] as const) {
      expect(encodeBase64(bytes(plain))).toBe(encoded);
      expect(Array.from(decodeBase64(encoded))).toEqual(Array.from(bytes(plain)));
    }
  });

  it('round-trips any bytes and rejects foreign characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 50 },
    );
    expect(() => decodeBase64('Zm9*')).toThrow(/base64: invalid character at 3/);
    expect(() => decodeBase64('Zm9')).toThrow(/base64: length/);
  });
});

describe('serializeForest', () => {
  it('round-trips through JSON to a forest that predicts identically', () => {
    const { matrix, labels } = xorTable(600, 4, 2, 0.1);
    const forest = trainForest(matrix, labels, { trees: 7, seed: 3, maxDepth: 6 });
    const unlimited = trainForest(matrix, labels, { trees: 2, seed: 3 });
    for (const f of [forest, unlimited]) {
      const json = JSON.stringify(serializeForest(f));
      const back = deserializeForest(JSON.parse(json));
      expect(back).toEqual(f);
      expect(predictProba(back, matrix)).toEqual(predictProba(f, matrix));
    }
  });

  it('reads format 1 forests (no missingLeft: missing values go right)', () => {
    const { matrix, labels } = xorTable(200, 3, 6);
    const forest = trainForest(matrix, labels, { trees: 2, seed: 1 });
    const current = serializeForest(forest);
    const v1 = {
      ...current,
      format: 'graphlet-forest/1' as const,
      trees: current.trees.map(({ missingLeft: _, ...tree }) => tree),
    };
    const back = deserializeForest(v1 as never);
    expect(back.trees[0]!.missingLeft).toEqual(new Uint8Array(forest.trees[0]!.nodeCount));
    expect(predictProba(back, matrix)).toEqual(predictProba(forest, matrix));
    expect(() => deserializeForest({ ...current, trees: v1.trees })).toThrow(
      /format 2 trees need missingLeft/,
    );
  });

  it('rejects unknown formats and malformed trees', () => {
    const { matrix, labels } = xorTable(100, 2, 2);
    const data = serializeForest(trainForest(matrix, labels, { trees: 1, maxDepth: 2 }));
    expect(() => deserializeForest({ ...data, format: 'x' } as never)).toThrow(
      /forest: unknown serialized format x/,
    );
    const tree = data.trees[0]!;
    expect(() =>
      deserializeForest({ ...data, trees: [{ ...tree, nodeCount: tree.nodeCount + 1 }] }),
    ).toThrow(/forest: tree 0 has an array of/);
    // A node whose left child points back at itself would loop forever in prediction.
    const left = new Int32Array(decodeBase64(tree.left).buffer);
    left[0] = 0;
    const looping = { ...tree, left: encodeBase64(new Uint8Array(left.buffer)) };
    expect(() => deserializeForest({ ...data, trees: [looping] })).toThrow(
      /forest: tree 0 node 0 is malformed/,
    );
  });
});
