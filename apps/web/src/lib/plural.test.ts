import { describe, expect, it } from 'vitest';
import { countOf, plural } from './plural.ts';

describe('plural', () => {
  it('says one for 1 and the plural for 0, 2 and fractions', () => {
    expect(countOf(1, 'trace')).toBe('1 trace');
    expect(countOf(0, 'trace')).toBe('0 traces');
    expect(countOf(1204, 'node')).toBe('1,204 nodes');
    expect(plural(1.5, 'hop')).toBe('hops');
    expect(countOf(2, 'analysis', 'analyses')).toBe('2 analyses');
  });
});
