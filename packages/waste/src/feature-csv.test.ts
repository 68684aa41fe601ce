import { buildFeatureTable, segmentGraphlets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { csvCell, featureCsv, featureCsvChunks, float32Cell } from './feature-csv.ts';
import { transformPushesCorpus } from './testing/transform-pushes-corpus.ts';

describe('featureCsv', () => {
  const table = buildFeatureTable(
    transformPushesCorpus(3, 4).map((trace) => ({
      trace,
      graphlets: segmentGraphlets(trace).graphlets,
    })),
  );
  const isTrain = Uint8Array.from({ length: table.nRows }, (_, r) => (r < 8 ? 1 : 0));

  it('writes a header, one line per row, empty cells for missing values', () => {
    const lines = featureCsv(table, isTrain).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 12);
    expect(lines[0]!.split(',').slice(0, 6)).toEqual([
      'pipeline',
      'graphlet',
      'split',
      'pushed',
      'cost',
      'input.jaccard_1',
    ]);
    expect(lines[1]!.split(',').slice(0, 8)).toEqual([
      'pipeline-0',
      '3',
      'train',
      '1',
      '131',
      '',
      '',
      '',
    ]);
    expect(lines[12]!.split(',')[2]).toBe('test');
  });

  it('chunks at whole lines and joins to the same text', () => {
    const chunks = [...featureCsvChunks(table, isTrain, 200)];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    expect(chunks.join('')).toBe(featureCsv(table, isTrain));
  });

  it('prints single-precision values in the fewest digits that read back to them', () => {
    for (const x of [0.1, 1 / 3, 2 / 3, 1e-7, 123456.789, 0.5, -2.25, 3.4e38]) {
      const v = Math.fround(x);
      const cell = float32Cell(v);
      expect(Math.fround(Number(cell))).toBe(v);
      expect(cell.replace(/^-|0\.|\.|e.*$/g, '').length).toBeLessThanOrEqual(9);
    }
    expect(float32Cell(Math.fround(0.1))).toBe('0.1');
    expect(float32Cell(Math.fround(1 / 3))).toBe('0.33333334');
    expect(float32Cell(7)).toBe('7');
    expect(float32Cell(Number.NaN)).toBe('');
  });

  it('quotes cells with commas and quotes', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('plain')).toBe('plain');
  });
});
