import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/cli/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'bench/src/**/*.test.ts',
            'apps/web/build/**/*.test.ts',
            'tools/**/*.test.ts',
          ],
          testTimeout: 60_000,
          // TEST_STORE=postgres: each test file gets a PostgreSQL database (else a no-op).
          setupFiles: ['apps/server/src/test-support/postgres-test-setup.ts'],
        },
      },
      {
        test: {
          // The server on a loopback port under faults and hostile clients (issue 13).
          name: 'reliability',
          include: ['apps/server/reliability/**/*.test.ts'],
          testTimeout: 60_000,
          // Servers start and corpora import in beforeAll: as slow as a test on a busy machine.
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
