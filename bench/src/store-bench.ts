// MLMD store reading benchmark: the same corpus (default /work/data/corpus-300-s1.sqlite, 300
// pipelines) read pipeline by pipeline from an SQLite file, from MariaDB and from PostgreSQL,
// each read in its own process (time and peak RSS), SQLite being the baseline of the same run.
// The corpus is first loaded into a new database on each server by the project's MLMD writer
// (load time reported, not part of the comparison); the databases are dropped after.
//   node bench/src/store-bench.ts [--store FILE] [--backends sqlite,mysql,postgres]

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { TestDatabase } from '@graphlet/formats/testing/databases';
import { loadTestDatabase } from './load-test-database.ts';

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: '/work/data/corpus-300-s1.sqlite' },
    backends: { type: 'string', default: 'sqlite,mysql,postgres' },
  },
});
const file = values.store;
const backends = values.backends.split(',') as ('sqlite' | 'mysql' | 'postgres')[];
const child = fileURLToPath(new URL('./store-read.ts', import.meta.url));

interface ReadResult {
  pipelines: number;
  nodes: number;
  events: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

function read(location: string): ReadResult {
  const run = spawnSync(process.execPath, ['--no-warnings=ExperimentalWarning', child, location], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`store-read exited with ${run.status ?? run.signal}`);
  return JSON.parse(run.stdout) as ReadResult;
}

const results: Record<string, ReadResult & { loadSeconds?: number }> = {};
const databases: TestDatabase[] = [];
try {
  for (const backend of backends) {
    process.stderr.write(`store-bench: ${backend}...\n`);
    if (backend === 'sqlite') {
      results.sqlite = read(file);
      continue;
    }
    const { db, seconds } = await loadTestDatabase(file, backend, 'store_bench');
    databases.push(db);
    results[backend] = { ...read(db.url), loadSeconds: Number(seconds.toFixed(1)) };
  }
} finally {
  for (const db of databases) await db.drop();
}

const base = results.sqlite;
const ratio = (r: ReadResult | undefined, key: 'seconds' | 'peakRssMb') =>
  r === undefined || base === undefined ? undefined : Number((r[key] / base[key]).toFixed(2));
process.stdout.write(
  `${JSON.stringify(
    {
      store: file,
      ...results,
      ratios: {
        mysqlSecondsOverSqlite: ratio(results.mysql, 'seconds'),
        postgresSecondsOverSqlite: ratio(results.postgres, 'seconds'),
        mysqlRssOverSqlite: ratio(results.mysql, 'peakRssMb'),
        postgresRssOverSqlite: ratio(results.postgres, 'peakRssMb'),
      },
    },
    null,
    2,
  )}\n`,
);
