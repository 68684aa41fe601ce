import { describe, expect, it } from 'vitest';
import { distinctWords, querySegments } from './search-words.ts';

describe('search words', () => {
  it('splits on ASCII characters other than letters and digits, keeping each word once', () => {
    expect(distinctWords(['gs://synth/p-1/5/examples', null, 'p-1:run-0:Trainer', 'Trainer'])).toBe(
      'gs synth p 1 5 examples run 0 Trainer',
    );
  });

  it('keeps non-ASCII characters inside words', () => {
    expect(distinctWords(['Modèle·Übung', 'données/数据集'])).toBe('Modèle·Übung données 数据集');
  });

  it("gives a query's segments, each of which lies inside one word of a text containing it", () => {
    expect(querySegments('run-0:Tr')).toEqual(['run', '0', 'Tr']);
    expect(querySegments('://')).toEqual([]);
    const text = 'pipeline-00042:run-17:Trainer';
    const words = distinctWords([text]).split(' ');
    for (let start = 0; start < text.length; start++)
      for (let end = start + 1; end <= text.length; end++)
        for (const segment of querySegments(text.slice(start, end)))
          expect(words.some((w) => w.includes(segment))).toBe(true);
  });
});
