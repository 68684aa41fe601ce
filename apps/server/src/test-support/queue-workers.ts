/** Test helpers for REDIS_URL mode: worker processes on a data folder and a unique queue prefix. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { removeQueueKeys } from '../jobs/queue-keys.ts';
import { testStoreConfig } from './test-store-env.ts';

/** The Redis the project's machines run (TEST_REDIS_URL overrides). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const WORKER_MAIN = fileURLToPath(new URL('../worker-main.ts', import.meta.url));

/** A fresh queue prefix, so tests never see each other's jobs. */
export const testQueuePrefix = () => `graphlet-test-${randomUUID().slice(0, 8)}`;

/** DATABASE_URL, DATABASE_SCHEMA and SECRETS_KEY of the data folder's test store, when on PostgreSQL. */
function storeEnv(dataDir: string): Record<string, string> {
  const { databaseUrl, databaseSchema, secretsKey } = testStoreConfig(dataDir);
  return databaseUrl === undefined
    ? {}
    : {
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: databaseSchema ?? '',
        SECRETS_KEY: secretsKey ?? '',
      };
}

/**
 * Starts a worker process (`pnpm worker`) and resolves once it listens to the queues; `env`
 * adds to (or, undefined, removes from) the environment it inherits.
 */
export async function startWorker(
  dataDir: string,
  prefix: string,
  lockMs = 2_000,
  redisUrl = TEST_REDIS_URL,
  env: Readonly<Record<string, string | undefined>> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--no-warnings', WORKER_MAIN], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      WORKER_LOCK_MS: String(lockMs),
      ...storeEnv(dataDir),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`test: the worker exited (${code})`)));
  });
  return child;
}

const API_MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Starts an API process (`pnpm start`) with REDIS_URL on a free port; resolves with its URL. */
export async function startApi(
  dataDir: string,
  prefix: string,
  redisUrl = TEST_REDIS_URL,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--no-warnings', API_MAIN], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      PORT: '0',
      DEMO: '0',
      WEB_DIR: `${dataDir}/no-web`,
      ...storeEnv(dataDir),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const found = /on (http:\/\/[^/ ]+)\//.exec(chunk.toString())?.[1];
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`test: the API process exited (${code})`)));
  });
  return { child, url };
}

/** Stops a worker (SIGTERM, or SIGKILL after 10 s) and waits for its exit. */
export async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Deletes every Redis key under `prefix` in the test Redis. */
export const removeTestQueueKeys = (prefix: string): Promise<void> =>
  removeQueueKeys(TEST_REDIS_URL, prefix);
