import { describe, expect, it } from 'vitest';
import { idIndex } from './id-index.ts';

describe('idIndex', () => {
  it('finds dense ids offset from the smallest and misses outside them', () => {
    const index = idIndex([{ id: 101 }, { id: 100 }, { id: 103 }]);
    expect(index.get(100)).toEqual({ id: 100 });
    expect(index.get(103)).toEqual({ id: 103 });
    expect(index.get(102)).toBeUndefined();
    expect(index.get(99)).toBeUndefined();
    expect(index.get(104)).toBeUndefined();
  });

  it('falls back to a map for sparse ids, and handles no nodes', () => {
    const index = idIndex([{ id: 1 }, { id: 1_000_000_000 }]);
    expect(index.get(1_000_000_000)).toEqual({ id: 1_000_000_000 });
    expect(index.get(2)).toBeUndefined();
    expect(idIndex([]).get(0)).toBeUndefined();
  });
});
