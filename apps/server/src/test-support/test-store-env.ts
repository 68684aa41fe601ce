/**
 * TEST_STORE=postgres: the API tests run on the PostgreSQL store. Each test file gets a database
 * of its own (postgres-test-setup.ts), and each data folder a schema in it, named from the folder
 * so that a server restarted on the same folder finds its store again.
 */
import { createHash } from 'node:crypto';
import type { ConfigInput } from '../config.ts';

/** The variable the setup file sets to the test file's database URL. */
export const TEST_DATABASE_ENV = 'GRAPHLET_TEST_DATABASE_URL';

/** The key sealing stored passwords in PostgreSQL test stores (one for every test process). */
const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * The store settings of a test server or worker on `dataDir`: none unless TEST_STORE=postgres;
 * then the folder's schema and a secrets key (PostgreSQL has no data-folder key file).
 */
export function testStoreConfig(
  dataDir: string,
): Pick<ConfigInput, 'databaseUrl' | 'databaseSchema' | 'secretsKey'> {
  const url = process.env[TEST_DATABASE_ENV];
  if (url === undefined) return {};
  const schema = `s_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  return { databaseUrl: url, databaseSchema: schema, secretsKey: TEST_SECRETS_KEY };
}
