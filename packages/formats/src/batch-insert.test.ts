import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { BatchInsert } from './batch-insert.ts';

describe('BatchInsert', () => {
  it('inserts full batches as they fill and the rest on flush, in order', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    const insert = new BatchInsert(db, 't', ['a', 'b'], 4);
    const count = () => Number(db.prepare('SELECT COUNT(*) AS n FROM t').get()!.n);
    for (let i = 0; i < 10; i++) insert.add(i, `row ${i}`);
    expect(count()).toBe(8);
    insert.flush();
    insert.flush();
    expect(
      db
        .prepare('SELECT a, b FROM t ORDER BY rowid')
        .all()
        .map((r) => [r.a, r.b]),
    ).toEqual(Array.from({ length: 10 }, (_, i) => [i, `row ${i}`]));
  });
});
