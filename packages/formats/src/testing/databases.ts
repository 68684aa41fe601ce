/**
 * Throwaway databases on the MariaDB and PostgreSQL servers for tests: uniquely named, created
 * empty (MariaDB with a binary collation, so names that differ only in case stay apart as they
 * do in SQLite), dropped after. GRAPHLET_MYSQL_URL and GRAPHLET_POSTGRES_URL name the servers.
 */
import { randomBytes } from 'node:crypto';
import { connectServer } from '../server-connection.ts';
import { parseStoreLocation, type ServerLocation } from '../store-location.ts';

/** The servers tests use: MariaDB as root, PostgreSQL as postgres (trust auth). */
export const TEST_SERVERS = {
  mysql: process.env.GRAPHLET_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
  postgres: process.env.GRAPHLET_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432',
} as const;

/** A database created for one test. */
export interface TestDatabase {
  readonly name: string;
  /** The store URL of the database, as its admin user. */
  readonly url: string;
  /** The store URL as another user (`password` in the URL when given). */
  urlAs(user: string, password?: string): string;
  /** Runs statements as the admin user inside the database. */
  admin(sql: string): Promise<void>;
  /** Drops the database. */
  drop(): Promise<void>;
}

/** Creates an empty, uniquely named database; `tag` becomes part of its name. */
export async function createTestDatabase(
  kind: 'mysql' | 'postgres',
  tag: string,
): Promise<TestDatabase> {
  const name = `graphlet_${tag.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const server = serverLocation(kind);
  const root = await connectServer({
    ...server,
    database: kind === 'postgres' ? 'postgres' : undefined,
  });
  try {
    await root.query(
      kind === 'mysql'
        ? `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`
        : `CREATE DATABASE ${name}`,
    );
  } finally {
    await root.close();
  }
  const base = TEST_SERVERS[kind].replace(/\/$/, '');
  const url = `${base}/${name}`;
  return {
    name,
    url,
    urlAs(user, password) {
      const u = new URL(url);
      u.username = user;
      u.password = password ?? '';
      return u.toString();
    },
    async admin(sql) {
      const c = await connectServer({ ...server, database: name });
      try {
        await c.query(sql);
      } finally {
        await c.close();
      }
    },
    async drop() {
      const c = await connectServer({
        ...server,
        database: kind === 'postgres' ? 'postgres' : undefined,
      });
      try {
        await c.query(
          kind === 'mysql'
            ? `DROP DATABASE IF EXISTS ${name}`
            : `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
        );
      } finally {
        await c.close();
      }
    },
  };
}

/** Databases created for a group of tests, dropped together (call `dropAll` in `afterAll`). */
export interface TestDatabases {
  /** Creates a database named after `prefix` and `tag`, kept for `dropAll`. */
  create(kind: 'mysql' | 'postgres', tag: string): Promise<TestDatabase>;
  dropAll(): Promise<void>;
}

/** A group of test databases whose names start with `prefix`. */
export function testDatabases(prefix: string): TestDatabases {
  const created: TestDatabase[] = [];
  return {
    async create(kind, tag) {
      const db = await createTestDatabase(kind, `${prefix}_${tag}`);
      created.push(db);
      return db;
    },
    async dropAll() {
      for (const db of created.splice(0)) await db.drop();
    },
  };
}

/** Runs one statement on a test server as its admin user, outside any test database. */
export async function adminServer(kind: 'mysql' | 'postgres', sql: string): Promise<void> {
  const server = serverLocation(kind);
  const c = await connectServer({
    ...server,
    database: kind === 'postgres' ? 'postgres' : undefined,
  });
  try {
    await c.query(sql);
  } finally {
    await c.close();
  }
}

function serverLocation(kind: 'mysql' | 'postgres'): ServerLocation {
  const location = parseStoreLocation(TEST_SERVERS[kind]);
  if (location.kind === 'sqlite') throw new Error(`testing: ${kind} server URL is not a URL`);
  return location;
}
