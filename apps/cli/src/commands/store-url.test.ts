/**
 * The command line on MLMD databases: the same graphlets, statistics and waste table from an
 * MLMD store read as an SQLite file, from MariaDB and from PostgreSQL (a real TFX fixture and a
 * 20-pipeline synthetic corpus, each written to both servers by the project's MLMD writer).
 */
import { readFileSync } from 'node:fs';
import { readMlmdStore, writeMlmdStore, writeMlmdStoreTo } from '@graphlet/formats';
import { fixturePath } from '@graphlet/formats/testing';
import { testDatabases } from '@graphlet/formats/testing/databases';
import { generateCorpusPipeline } from '@graphlet/synth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../testing/cli-harness.ts';
import { buildWasteTable } from '../waste/build-waste-table.ts';

/** Creating and dropping databases may be slow on a loaded machine. */
const HOOK_TIMEOUT = 120_000;

const path = tempDir();
const FIXTURE = fixturePath('tfx-1.15-interactive-two-trainers.sqlite');
const CORPUS = path('corpus-20.sqlite');
const databases = testDatabases('store_reader_cli');
/** Each store as [file, MariaDB URL, PostgreSQL URL]. */
const sources = { fixture: [FIXTURE], corpus: [CORPUS] } as Record<string, string[]>;

beforeAll(async () => {
  writeMlmdStore(
    CORPUS,
    Array.from({ length: 20 }, (_, i) => generateCorpusPipeline(7, i)),
  );
  for (const [name, [file]] of Object.entries(sources)) {
    const traces = readMlmdStore(file!).traces;
    for (const kind of ['mysql', 'postgres'] as const) {
      const db = await databases.create(kind, name);
      await writeMlmdStoreTo(db.url, traces);
      sources[name]!.push(db.url);
    }
  }
}, 600_000);

afterAll(databases.dropAll, HOOK_TIMEOUT);

/** Each of these reads a store three times; the machine may be loaded (no test fails for it). */
const SLOW = 300_000;

/** The command's stdout on each source of `store`; every run must succeed. */
async function outputs(store: string, ...args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const source of sources[store]!) {
    const result = await cli(args[0]!, source, ...args.slice(1));
    expect(result.stderr.split('\n').filter((l) => l.includes('graphlet'))).toEqual([]);
    expect(result.code).toBe(0);
    out.push(result.stdout);
  }
  return out;
}

describe.each(['fixture', 'corpus'])(
  'the %s read as a file, from MariaDB and PostgreSQL',
  (store) => {
    it(
      'gives the same graphlets',
      async () => {
        const [file, mysql, postgres] = await outputs(store, 'segment', '--json');
        expect(JSON.parse(file!).traces.length).toBeGreaterThan(0);
        expect(mysql).toBe(file);
        expect(postgres).toBe(file);
      },
      SLOW,
    );

    it(
      'gives the same statistics',
      async () => {
        const [file, mysql, postgres] = await outputs(store, 'stats', '--json');
        expect(mysql).toBe(file);
        expect(postgres).toBe(file);
      },
      SLOW,
    );

    it(
      'builds the same waste feature table',
      async () => {
        const tables = [];
        for (const source of sources[store]!) {
          const table = await buildWasteTable([source], [], {}, () => {});
          tables.push({ ...table, sources: undefined });
        }
        expect(tables[0]!.nRows).toBeGreaterThan(0);
        expect(tables[1]).toEqual(tables[0]);
        expect(tables[2]).toEqual(tables[0]);
      },
      SLOW,
    );
  },
);

describe('waste on the synthetic corpus from each backend', () => {
  it(
    'trains to the same document and feature CSV',
    async () => {
      const docs: unknown[] = [];
      const csvs: string[] = [];
      for (const [i, source] of sources.corpus!.entries()) {
        const csv = path(`features-${i}.csv`);
        const result = await cli(
          'waste',
          source,
          '--json',
          '--variant',
          'RF:Input+Pre',
          '--trees',
          '9',
          '--threads',
          '1',
          '--seed',
          '1',
          '--export-features',
          csv,
        );
        expect(result.code).toBe(0);
        const doc = JSON.parse(result.stdout);
        delete doc.trainSeconds;
        delete doc.variants['RF:Input+Pre'].trainSeconds;
        delete doc.variants['RF:Input+Pre'].predictSeconds;
        docs.push(doc);
        csvs.push(readFileSync(csv, 'utf8'));
      }
      expect(docs[1]).toEqual(docs[0]);
      expect(docs[2]).toEqual(docs[0]);
      expect(csvs[1]).toBe(csvs[0]);
      expect(csvs[2]).toBe(csvs[0]);
    },
    SLOW,
  );
});

describe('store URL errors', () => {
  it.each([
    [
      'mysql://me:s3cret@127.0.0.1:1/mlmd',
      'graphlet segment: mysql://me@127.0.0.1:1/mlmd: cannot reach the database server (ECONNREFUSED)\n',
    ],
    [
      'postgres://postgres@127.0.0.1:5432/graphlet_store_reader_missing',
      'graphlet segment: postgres://postgres@127.0.0.1:5432/graphlet_store_reader_missing: no such database on the server\n',
    ],
  ])('%s: exit 2 and one line without the password', async (url, line) => {
    const result = await cli('segment', url, '--json');
    expect(result).toEqual({ code: 2, stdout: '', stderr: line });
  });
});
