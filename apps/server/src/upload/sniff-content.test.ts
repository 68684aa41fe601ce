import { readFileSync } from 'node:fs';
import { fixturePath } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { sniffKind, sqliteTruncation } from './sniff-content.ts';

const store = readFileSync(fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite'));

describe('sniffKind', () => {
  it('recognises SQLite by its magic and JSON by its first non-space byte', () => {
    expect(sniffKind(store.subarray(0, 100), store[0])).toBe('mlmd');
    expect(sniffKind(Buffer.from('  {"a":1}'), 0x7b)).toBe('json');
    expect(sniffKind(Buffer.from('[1]'), 0x5b)).toBeUndefined();
    expect(sniffKind(Buffer.from('SQLite format 2'), 0x53)).toBeUndefined();
    expect(sniffKind(Buffer.alloc(0), undefined)).toBeUndefined();
  });
});

describe('sqliteTruncation', () => {
  it('accepts a whole store', () => {
    expect(sqliteTruncation(store.subarray(0, 100), store.length)).toBeUndefined();
  });

  it('explains a store cut short, at a page edge or inside a page', () => {
    const head = store.subarray(0, 100);
    expect(sqliteTruncation(head, store.length - 4096)).toMatch(/truncated: \d+ bytes of \d+/);
    expect(sqliteTruncation(head, store.length - 10)).toMatch(/truncated/);
    expect(sqliteTruncation(store.subarray(0, 50), 50)).toMatch(/cut off after 50 bytes/);
  });
});
