import { buildFeatureTable, segmentGraphlets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { csvCell, featureCsv, featureCsvChunks } from './feature-csv.ts';
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

  it('quotes cells with commas and quotes', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('plain')).toBe('plain');
  });
});
