/**
 * A PostgreSQL cluster of a test's own (initdb in a temp folder, on a free port), so a fault test
 * can stop and start it without touching the shared server. As root, the binaries run as the
 * `postgres` OS user (initdb refuses root). `privatePostgresMissing()` says why none can start.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort } from './fan-out-jobs.ts';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A private cluster: its URL (database `postgres`, user `postgres`, trust), stop/start, remove. */
export interface PrivatePostgres {
  readonly url: string;
  start(): Promise<void>;
  /** `pg_ctl stop -m fast`: connections are cut, the cluster is down until `start`. */
  stop(): Promise<void>;
  remove(): Promise<void>;
}

/** Why no private cluster can start here (binaries missing), or undefined when one can. */
export function privatePostgresMissing(): string | undefined {
  for (const tool of ['initdb', 'pg_ctl'])
    if (!existsSync(join(BIN, tool)))
      return `${join(BIN, tool)} is missing (install PostgreSQL 15 or set PG_BIN)`;
  return undefined;
}

/** Runs a PostgreSQL binary, as the `postgres` user when this process is root. */
async function pg(tool: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot
    ? ['runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]]
    : [join(BIN, tool), args];
  await run(file, argv, { timeout: 60_000 });
}

async function osUser(name: string): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', name])).stdout.trim());
  const gid = Number((await run('id', ['-g', name])).stdout.trim());
  return { uid, gid };
}

/** Initialises and starts a cluster in a temp folder on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(join(tmpdir(), 'graphlet-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = await osUser('postgres');
    chownSync(root, uid, gid);
  }
  const data = join(root, 'data');
  const port = await freePort();
  const start = () =>
    pg('pg_ctl', [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-l',
      join(root, 'server.log'),
      '-w',
      'start',
    ]);
  const stop = () => pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  try {
    await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres']);
    await start();
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    async remove() {
      await stop().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
