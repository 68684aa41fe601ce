/**
 * Reliability: a fast-check fuzz of every importer through the real upload path. Mutated MLMD
 * stores (rows deleted, cells overwritten, tables dropped, bytes flipped, files cut) and mutated
 * JSON in each format the server reads (the project's traces, OpenLineage, PROV-JSON, KFP runs)
 * must answer a 4xx or end in a failed job with a clear code, never `internal`, and leave the
 * store as it was; one that still imports is removed again. Run counts stay small: each case is
 * a whole upload and import (FUZZ_RUNS and FUZZ_SEED run more, or others).
 */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Trace } from '@graphlet/core';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import {
  stringifyKfpRuns,
  stringifyOpenLineage,
  stringifyProvJson,
  stringifyTraceDocument,
} from '@graphlet/formats';
import { fixturePath } from '@graphlet/formats/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finished,
  type Loopback,
  sourceIds,
  startLoopback,
  uploadBytes,
} from './loopback-server.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 13);

let lo: Loopback;
let work: string;
beforeAll(async () => {
  lo = await startLoopback();
  work = mkdtempSync(join(tmpdir(), 'graphlet-fuzz-'));
});
afterAll(async () => {
  await lo.stop();
  rmSync(work, { recursive: true, force: true });
});

/** Uploads `bytes`; asserts a clear refusal (store unchanged) or a success (then undone). */
async function checkUpload(bytes: Uint8Array, name: string): Promise<void> {
  const before = await sourceIds(lo.base);
  const { status, body } = await uploadBytes(lo.base, bytes, name);
  expect(status, JSON.stringify(body)).toBeLessThan(500);
  if (status >= 400) {
    expect(body.error?.code).not.toBe('internal');
    expect(await sourceIds(lo.base)).toEqual(before);
    return;
  }
  const job = await finished(lo.base, body.job!.id);
  if (job.state === 'failed') {
    expect(job.error?.code, job.error?.message).not.toBe('internal');
    expect(job.error?.message).toContain(name);
    expect(await sourceIds(lo.base)).toEqual(before);
    return;
  }
  // Still a readable file: remove it so every case starts from the same store.
  const removed = await fetch(`${lo.base}/api/sources/${body.source!.id}`, { method: 'DELETE' });
  expect(removed.status).toBe(204);
  expect(await sourceIds(lo.base)).toEqual(before);
}

const MLMD_TABLES = [
  'Artifact',
  'Execution',
  'Event',
  'EventPath',
  'Type',
  'Context',
  'Attribution',
  'Association',
  'ParentType',
  'ParentContext',
  'ArtifactProperty',
  'ExecutionProperty',
  'MLMDEnv',
];

/** One change to an MLMD store file. */
const mlmdMutation = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    table: fc.constantFrom(...MLMD_TABLES),
    keep: fc.nat(5),
  }),
  fc.record({
    kind: fc.constant('overwrite' as const),
    table: fc.constantFrom(...MLMD_TABLES),
    column: fc.nat(12),
    value: fc.oneof(
      fc.constant(null),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.string({ maxLength: 20 }),
      fc.constant('mlmd-struct::AAAA'),
    ),
  }),
  fc.record({ kind: fc.constant('drop' as const), table: fc.constantFrom(...MLMD_TABLES) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    kind: fc.constant('cut' as const),
    fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
  }),
);
type MlmdMutation = typeof mlmdMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateStore(path: string, m: MlmdMutation): void {
  if (m.kind === 'flip') {
    const bytes = readFileSync(path);
    if (bytes.length < 200) return;
    const at = 100 + (m.at % (bytes.length - 100 - m.bytes.length));
    bytes.set(m.bytes, at);
    writeFileSync(path, bytes);
    return;
  }
  if (m.kind === 'cut') {
    truncateSync(path, Math.floor(readFileSync(path).length * m.fraction));
    return;
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
    db.exec('PRAGMA schema_version'); // a file broken by an earlier mutation is left as it is
  } catch {
    return;
  }
  try {
    const exists = db
      .prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?')
      .get('table', m.table);
    if (exists === undefined) return;
    if (m.kind === 'drop') db.exec(`DROP TABLE "${m.table}"`);
    else if (m.kind === 'delete')
      db.prepare(`DELETE FROM "${m.table}" WHERE rowid % 6 >= ?`).run(m.keep);
    else {
      const columns = db.prepare(`PRAGMA table_info("${m.table}")`).all() as { name: string }[];
      const column = columns[m.column % columns.length]!.name;
      try {
        db.prepare(`UPDATE "${m.table}" SET "${column}" = ? WHERE rowid % 3 = 0`).run(m.value);
      } catch {
        // A constraint refused the value: the store stays as it was.
      }
    }
  } finally {
    db.close();
  }
}

describe('importer fuzz', () => {
  it('MLMD stores with rows deleted, cells overwritten, tables dropped, bytes flipped or the file cut', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'tfx-0.22-chicago-taxi-schema-v4.sqlite',
          'tfx-1.15-interactive-two-trainers.sqlite',
        ),
        fc.array(mlmdMutation, { minLength: 1, maxLength: 3 }),
        async (fixture, mutations) => {
          const path = join(work, `store-${n++}.sqlite`);
          copyFileSync(fixturePath(fixture), path);
          for (const m of mutations) mutateStore(path, m);
          await checkUpload(new Uint8Array(readFileSync(path)), `mutated-${fixture}`);
          rmSync(path, { force: true });
        },
      ),
      { numRuns: RUNS * 2, seed: SEED },
    );
  }, 180_000);

  const traces: Trace[] = [syntheticTraceForBench(2)];
  const formats: [string, string][] = [
    ['trace.json', stringifyTraceDocument(traces)],
    // As a JSON array of events (the JSON-lines form is one document per line).
    ['openlineage.json', `[${stringifyOpenLineage(traces).trim().split('\n').join(',')}]`],
    ['prov.json', stringifyProvJson(traces)],
    ['kfp.json', stringifyKfpRuns(traces)],
  ];

  /** One change to a JSON document: a value replaced or removed at some path, or the text cut. */
  const jsonMutation = fc.oneof(
    fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      value: fc.jsonValue({ maxDepth: 3 }),
    }),
    fc.record({
      kind: fc.constant('remove' as const),
      pick: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    }),
    fc.record({
      kind: fc.constant('cut' as const),
      fraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
    }),
  );

  function mutateJson(
    text: string,
    m: typeof jsonMutation extends fc.Arbitrary<infer T> ? T : never,
  ): string {
    if (m.kind === 'cut') return text.slice(0, Math.floor(text.length * m.fraction));
    const doc = JSON.parse(text) as unknown;
    let parent: Record<string, unknown> | unknown[] | undefined;
    let key: string | number | undefined;
    let node: unknown = doc;
    for (const p of m.pick) {
      if (typeof node !== 'object' || node === null) break;
      const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      parent = node as Record<string, unknown>;
      key = keys[p % keys.length]!;
      node = (node as Record<string | number, unknown>)[key];
    }
    if (parent === undefined || key === undefined)
      return m.kind === 'replace' ? JSON.stringify(m.value) : '{}';
    if (m.kind === 'replace') (parent as Record<string | number, unknown>)[key] = m.value;
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, unknown>)[key as string];
    return JSON.stringify(doc);
  }

  for (const [name, text] of formats) {
    it(`${name.replace('.json', '')} documents with values replaced or removed, or cut short`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(jsonMutation, { minLength: 1, maxLength: 3 }),
          async (mutations) => {
            // A cut, if any, comes last: the other mutations need a whole document.
            const ordered = [
              ...mutations.filter((m) => m.kind !== 'cut'),
              ...mutations.filter((m) => m.kind === 'cut').slice(0, 1),
            ];
            const mutated = ordered.reduce(mutateJson, text);
            await checkUpload(new TextEncoder().encode(mutated), `mutated-${name}`);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    }, 120_000);
  }
});
