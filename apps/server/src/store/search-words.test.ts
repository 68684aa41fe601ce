import { describe, expect, it } from 'vitest';
import { distinctWords, wordPatterns } from './search-words.ts';

describe('search words', () => {
  it('splits on ASCII characters other than letters and digits, keeping each word once', () => {
    expect(distinctWords(['gs://synth/p-1/5/examples', null, 'p-1:run-0:Trainer', 'Trainer'])).toBe(
      ' gs synth p 1 5 examples run 0 Trainer ',
    );
  });

  it('keeps non-ASCII characters inside words', () => {
    expect(distinctWords(['Modèle·Übung', 'données/数据集'])).toBe(' Modèle·Übung données 数据集 ');
  });

  it('anchors a segment to the end or start of a word where the query has a separator', () => {
    expect(wordPatterns('Trainer')).toEqual(['%Trainer%']);
    expect(wordPatterns('run-17:')).toEqual(['%run %', '% 17 %']);
    expect(wordPatterns('/123/')).toEqual(['% 123 %']);
    expect(wordPatterns('://')).toEqual([]);
  });

  it('gives patterns that the words of every text containing the query match', () => {
    const text = 'gs://pipeline-00042/run-17:Trainer·数据';
    const words = distinctWords([text, 'other-words']).toLowerCase();
    const like = (pattern: string) =>
      new RegExp(`^${pattern.toLowerCase().replaceAll('%', '.*')}$`, 'su').test(words);
    for (let start = 0; start < text.length; start++)
      for (let end = start + 1; end <= text.length; end++)
        for (const pattern of wordPatterns(text.slice(start, end)))
          expect(like(pattern), `${text.slice(start, end)}: ${pattern}`).toBe(true);
  });
});
