import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipChunksSync } from './gzip-chunks.ts';

describe('gzipChunksSync', () => {
  it('makes one gzip stream of the chunks joined, whatever their sizes', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `{"id":"e${i}","x":${i * 60}},`);
    for (const size of [13, 1_000, 20_000]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size).join(''));
      expect(gunzipSync(gzipChunksSync(chunks)).toString()).toBe(text.join(''));
    }
  });

  it('keeps non-ASCII text and the empty text', () => {
    expect(gunzipSync(gzipChunksSync(['Zürich ', '→ 東京'])).toString()).toBe('Zürich → 東京');
    expect(gunzipSync(gzipChunksSync([])).toString()).toBe('');
    expect(gunzipSync(gzipChunksSync(['', ''])).toString()).toBe('');
  });
});
