import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormatError } from './format-error.ts';
import { sniffFile } from './sniff-file.ts';
import { fixturePath } from './testing/fixtures.ts';
import { tempDir } from './testing/temp-dir.ts';

const store = readFileSync(fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite'));

describe('sniffFile', () => {
  const tmp = tempDir();
  const sniff = (name: string, content: string | Uint8Array) => {
    writeFileSync(tmp(name), content);
    return sniffFile(tmp(name));
  };
  const problem = (name: string, content: string | Uint8Array): FormatError => {
    try {
      sniff(name, content);
    } catch (error) {
      return error as FormatError;
    }
    throw new Error('expected a FormatError');
  };

  it('recognises SQLite by its magic, whatever the name', () => {
    expect(sniff('metadata.json', store)).toBe('sqlite');
  });

  it('recognises JSON by its first non-space byte, after a byte order mark at the start', () => {
    expect(sniff('a.sqlite', '  \n\t{"a":1}')).toBe('json');
    expect(sniff('bom.json', '\uFEFF {"a":1}')).toBe('json');
    // Whitespace beyond the first chunk read is skipped too.
    expect(sniff('far.json', `${' '.repeat(200_000)}{}`)).toBe('json');
  });

  it('takes a JSON array as JSON (OpenLineage events come as arrays; the format is told on read)', () => {
    expect(sniff('array.json', '[1, 2]')).toBe('json');
  });

  it('refuses everything else as not_sqlite', () => {
    for (const [name, content] of [
      ['old.sqlite', 'SQLite format 2\0 and more'],
      ['empty.json', ''],
      ['spaces.json', '   \n'],
      // Byte order mark bytes are whitespace only at the very start.
      ['stray-bom.json', ' \uFEFF{}'],
      ['notes.csv', 'name,value\n1,2\n'],
    ] as const) {
      expect(problem(name, content), name).toMatchObject({
        code: 'not_sqlite',
        problem: expect.stringMatching(/^not an SQLite database or JSON trace/),
      });
    }
  });

  it('accepts a whole store and refuses one cut short, at a page edge or inside a page', () => {
    expect(sniff('whole.sqlite', store)).toBe('sqlite');
    const page = problem('page-edge.sqlite', store.subarray(0, store.length - 4096));
    expect(page).toMatchObject({ code: 'truncated', problem: /header declares \d+ pages/ });
    const inside = problem('inside.sqlite', store.subarray(0, store.length - 10));
    expect(inside).toMatchObject({ code: 'truncated', problem: /not a whole number of/ });
    const header = problem('header.sqlite', store.subarray(0, 50));
    expect(header).toMatchObject({ code: 'truncated', problem: /50 bytes; its header alone/ });
  });

  it('refuses an SQLite header whose page size is not a power of two', () => {
    const damaged = Buffer.from(store);
    damaged.writeUInt16BE(1000, 16);
    expect(problem('damaged.sqlite', damaged)).toMatchObject({
      code: 'truncated',
      problem: /page size 1000 is not a power of two/,
    });
  });

  it('reports a missing file or a folder as not_found', () => {
    expect(() => sniffFile(tmp('missing.sqlite'))).toThrow(/no such file/);
    expect(() => sniffFile(tmp('.'))).toThrow(/is a directory/);
  });
});
