/** Vitest setup: with TEST_STORE=postgres, a database for the test file, dropped after it. */
import { basename } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@graphlet/formats/testing/databases';
import { afterAll, beforeAll, expect } from 'vitest';
import { TEST_DATABASE_ENV } from './test-store-env.ts';

if (process.env.TEST_STORE === 'postgres') {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    const file = basename(expect.getState().testPath ?? 'tests').replace(/\.test\.ts$/, '');
    database = await createTestDatabase('postgres', file.slice(0, 24));
    process.env[TEST_DATABASE_ENV] = database.url;
  });
  afterAll(async () => {
    delete process.env[TEST_DATABASE_ENV];
    await database?.drop();
  });
}
