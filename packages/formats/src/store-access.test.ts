import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMlmdStore, readMlmdSource } from './read-mlmd-source.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { connectServer } from './server-connection.ts';
import { parseStoreLocation } from './store-location.ts';
import { adminServer, createTestDatabase, type TestDatabase } from './testing/databases.ts';
import { fixturePath } from './testing/fixtures.ts';
import { formatErrorOf } from './testing/format-error-of.ts';
import { writeMlmdStoreTo } from './write-mlmd-server.ts';

/** Creating and dropping databases may be slow on a loaded machine. */
const HOOK_TIMEOUT = 120_000;

const FIXTURE = fixturePath('tfx-1.15-interactive-two-trainers.sqlite');

describe.each(['mysql', 'postgres'] as const)('read-only access on %s', (kind) => {
  const user = `graphlet_ro_${randomBytes(3).toString('hex')}`;
  const password = `pw-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind, 'store_reader_ro');
    await writeMlmdStoreTo(db.url, readMlmdStore(FIXTURE).traces);
    if (kind === 'mysql') {
      await adminServer(kind, `CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
      await adminServer(kind, `GRANT SELECT ON ${db.name}.* TO '${user}'@'%'`);
    } else {
      await adminServer(kind, `CREATE ROLE ${user} LOGIN PASSWORD '${password}'`);
      await db.admin(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${user}`);
    }
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await db.drop();
    await adminServer(
      kind,
      kind === 'mysql' ? `DROP USER IF EXISTS '${user}'@'%'` : `DROP ROLE IF EXISTS ${user}`,
    );
  }, HOOK_TIMEOUT);

  it('reads the whole store as a user with SELECT only, who could not write', async () => {
    const url = db.urlAs(user, password);
    expect(await readMlmdSource(url)).toEqual(readMlmdStore(FIXTURE));
    const store = await openMlmdStore(url);
    try {
      expect((await store.pipelines()).map((p) => p.name)).toEqual([
        'interactive-2024-06-01T21_19_04.982918',
      ]);
    } finally {
      await store.close();
    }
    // The grant is what the test relies on: the same user is refused any write.
    const location = parseStoreLocation(url);
    if (location.kind === 'sqlite') throw new Error('unreachable');
    const writer = await connectServer(location);
    try {
      const error = await formatErrorOf(() => writer.query('DELETE FROM Event'));
      expect(error.code).toBe('auth_failed');
    } finally {
      await writer.close();
    }
  });

  it('takes the password from MLMD_PASSWORD and never shows it', async () => {
    const location = parseStoreLocation(db.urlAs(user), { MLMD_PASSWORD: password });
    const store = await openMlmdStore(location);
    await store.close();
    // This machine's PostgreSQL trusts local connections, so only MariaDB checks passwords.
    if (kind === 'postgres') return;
    const wrong = await formatErrorOf(() => openMlmdStore(db.urlAs(user, 'not-the-password')));
    expect(wrong.code).toBe('auth_failed');
    expect(wrong.message).toBe(
      `mysql://${user}@127.0.0.1:3306/${db.name}: authentication failed (ER_ACCESS_DENIED_ERROR)`,
    );
  });
});

describe('connection failures', () => {
  it('names an unreachable host without the password', async () => {
    const error = await formatErrorOf(() => openMlmdStore('mysql://me:s3cret@127.0.0.1:1/mlmd'));
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(
      'mysql://me@127.0.0.1:1/mlmd: cannot reach the database server (ECONNREFUSED)',
    );
    const pg = await formatErrorOf(() => openMlmdStore('postgres://me:s3cret@127.0.0.1:1/mlmd'));
    expect(pg.code).toBe('unreachable');
    expect(pg.message).not.toContain('s3cret');
  });

  it('reports an unknown PostgreSQL role as an authentication failure', async () => {
    const error = await formatErrorOf(() =>
      openMlmdStore('postgres://graphlet_nobody_here@127.0.0.1:5432/postgres'),
    );
    expect(error.code).toBe('auth_failed');
  });

  it.each([
    ['mysql://root@127.0.0.1:3306/graphlet_no_such_db', 'mysql'],
    ['postgres://postgres@127.0.0.1:5432/graphlet_no_such_db', 'postgres'],
  ])('reports a missing database: %s', async (url) => {
    const error = await formatErrorOf(() => openMlmdStore(url));
    expect(error.code).toBe('no_database');
    expect(error.message).toBe(`${url}: no such database on the server`);
  });
});
