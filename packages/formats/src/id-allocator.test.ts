import { describe, expect, it } from 'vitest';
import { IdAllocator } from './id-allocator.ts';

describe('IdAllocator', () => {
  it('keeps free ids and replaces taken ones with max + 1', () => {
    const ids = new IdAllocator();
    expect([1, 2, 5, 2, 1, 7, 3].map((id) => ids.claim(id))).toEqual([1, 2, 5, 6, 7, 8, 3]);
  });

  it('handles ids beyond the bitmap and invalid ids', () => {
    const ids = new IdAllocator();
    expect(ids.claim(2 ** 40)).toBe(2 ** 40);
    expect(ids.claim(2 ** 40)).toBe(2 ** 40 + 1);
    expect(ids.claim(0)).toBe(2 ** 40 + 2);
    expect(ids.claim(100_000)).toBe(100_000);
  });
});
