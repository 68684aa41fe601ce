import { describe, expect, it } from 'vitest';
import { numberedPlaceholders } from './postgres-row-source.ts';
import { isStoreUrl, parseStoreLocation, redactStoreUrl } from './store-location.ts';

describe('parseStoreLocation', () => {
  it('keeps a path a path', () => {
    expect(parseStoreLocation('data/metadata.sqlite')).toEqual({
      kind: 'sqlite',
      path: 'data/metadata.sqlite',
      label: 'data/metadata.sqlite',
    });
    expect(isStoreUrl('/tmp/mysql://x')).toBe(false);
  });

  it('reads MySQL and PostgreSQL URLs, credentials out of the label', () => {
    expect(parseStoreLocation('mysql://reader:p%40ss@db.internal:3307/metadb', {})).toEqual({
      kind: 'mysql',
      host: 'db.internal',
      port: 3307,
      user: 'reader',
      password: 'p@ss',
      database: 'metadb',
      label: 'mysql://reader@db.internal:3307/metadb',
    });
    expect(parseStoreLocation('postgresql://127.0.0.1/mlmd', {})).toMatchObject({
      kind: 'postgres',
      port: undefined,
      user: undefined,
      password: undefined,
      label: 'postgres://127.0.0.1/mlmd',
    });
    expect(parseStoreLocation('mariadb://root@localhost/m', {}).kind).toBe('mysql');
  });

  it('takes the user and password from MLMD_USER and MLMD_PASSWORD when the URL has none', () => {
    const env = { MLMD_USER: 'reader', MLMD_PASSWORD: 'secret' };
    expect(parseStoreLocation('mysql://127.0.0.1/metadb', env)).toMatchObject({
      user: 'reader',
      password: 'secret',
      label: 'mysql://reader@127.0.0.1/metadb',
    });
    expect(parseStoreLocation('mysql://other:given@127.0.0.1/metadb', env)).toMatchObject({
      user: 'other',
      password: 'given',
    });
  });

  it('redacts passwords', () => {
    expect(redactStoreUrl('postgres://me:s3cret@host/db')).toBe('postgres://me:***@host/db');
    expect(redactStoreUrl('postgres://me@host/db')).toBe('postgres://me@host/db');
    expect(() => parseStoreLocation('mysql://me:s3cret@[::1')).toThrow(
      'mysql://me:***@[::1: not a valid store URL',
    );
  });
});

describe('numberedPlaceholders', () => {
  it('numbers ? outside quoted text', () => {
    expect(numberedPlaceholders("SELECT ? , 'a?b', ? WHERE x = 'it''s?'")).toBe(
      "SELECT $1 , 'a?b', $2 WHERE x = 'it''s?'",
    );
  });
});
