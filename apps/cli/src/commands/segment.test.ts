import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { TraceBuilder } from '@graphlet/core';
import { stringifyTraceDocument, writeMlmdStore } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { cli, MLMD_FIXTURE_DIR, tempDir } from '../testing/cli-harness.ts';

const fixture = (name: string) => MLMD_FIXTURE_DIR + name;

async function segmentJson(file: string, ...options: string[]) {
  const result = await cli('segment', file, '--json', ...options);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('segment on the MLMD fixtures', () => {
  it('chicago taxi (schema v4): one graphlet, pushed', async () => {
    const { traces } = await segmentJson(fixture('tfx-0.22-chicago-taxi-schema-v4.sqlite'));
    expect(traces).toHaveLength(1);
    expect(traces[0].pipeline).toBe('chicago_taxi_beam');
    expect(traces[0].graphlets).toMatchObject([
      { trainer: 7, pushed: true, spans: [2], executions: [1, 3, 4, 5, 6, 7, 8, 9] },
    ]);
  });

  it('interactive two trainers (v10): two graphlets, the second Pusher declined with pushed=0', async () => {
    const { traces } = await segmentJson(fixture('tfx-1.15-interactive-two-trainers.sqlite'));
    const [first, second] = traces[0].graphlets;
    // Trainer 6's model was blessed by Evaluator 8, but no Pusher ran for it.
    expect(first).toMatchObject({ trainer: 6, downstream: [8], pushed: false });
    // Evaluator 11 compares model 17 against baseline 13 (trainer 6's model) and stays with trainer 10.
    expect(second).toMatchObject({ trainer: 10, downstream: [11, 13], pushed: false });
    expect(second.artifacts).toContain(13);
    expect(second.executions).not.toContain(6);
    // Cached resolvers (7, 9, 12) are in no graphlet.
    expect([...first.executions, ...second.executions]).not.toContain(7);
  });

  it.each(['tfx-1.10-data-only-schema-v8.sqlite', 'tfx-1.10-partial-schema-v8.sqlite'])(
    '%s: no graphlets, with a note saying why',
    async (name) => {
      const { traces } = await segmentJson(fixture(name));
      expect(traces).toHaveLength(1);
      expect(traces[0].graphlets).toEqual([]);
      expect(traces[0].note).toMatch(/no Trainer/);
    },
  );

  it('prints a readable table without --json', async () => {
    const result = await cli('segment', fixture('tfx-1.15-interactive-two-trainers.sqlite'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/interactive-2024-06-01T21_19_04\.982918 +2 +0/);
    expect(result.stdout).toMatch(/trainer +executions +artifacts +spans +warm start +pushed/);
    expect(result.stdout).toMatch(/\n +10 +8 +18 +1 +no +no\n/);
  });

  it('applies --role overrides', async () => {
    const { traces } = await segmentJson(
      fixture('tfx-0.22-chicago-taxi-schema-v4.sqlite'),
      '--role',
      'Trainer$=other',
    );
    expect(traces[0].graphlets).toEqual([]);
  });

  it('reads the JSON trace format by content and gives the same graphlets', async () => {
    const tmp = tempDir();
    const out = tmp('two.json');
    const exported = await cli(
      'export',
      fixture('tfx-1.15-interactive-two-trainers.sqlite'),
      '--out',
      out,
    );
    expect(exported.code).toBe(0);
    expect(await segmentJson(out)).toEqual(
      await segmentJson(fixture('tfx-1.15-interactive-two-trainers.sqlite')),
    );
  });
});

describe('segment on bad input', () => {
  const tmp = tempDir();

  async function failure(file: string) {
    const result = await cli('segment', file, '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr.endsWith('\n')).toBe(true);
    return result.stderr;
  }

  it('names a missing file', async () => {
    expect(await failure(tmp('nope.sqlite'))).toBe(
      `graphlet segment: ${tmp('nope.sqlite')}: no such file\n`,
    );
  });

  it('names a file that is not SQLite', async () => {
    writeFileSync(tmp('a.txt'), 'plain text');
    expect(await failure(tmp('a.txt'))).toContain('not an SQLite database or JSON trace');
  });

  it('names an SQLite file that is not MLMD', async () => {
    const db = new DatabaseSync(tmp('b.sqlite'));
    db.exec('CREATE TABLE x (y)');
    db.close();
    expect(await failure(tmp('b.sqlite'))).toContain('an SQLite database but not an MLMD store');
  });

  it('names a truncated store', async () => {
    const bytes = readFileSync(fixture('tfx-1.15-interactive-two-trainers.sqlite'));
    writeFileSync(tmp('cut.sqlite'), bytes.subarray(0, bytes.length >> 1));
    expect(await failure(tmp('cut.sqlite'))).toContain('truncated or corrupt SQLite file');
  });

  it('names invalid JSON and invalid trace documents', async () => {
    writeFileSync(tmp('c.json'), '{ "format": ');
    expect(await failure(tmp('c.json'))).toContain(`${tmp('c.json')}: not valid JSON`);
    writeFileSync(
      tmp('d.json'),
      '{ "format": "graphlet-explorer/trace", "version": 2, "traces": [] }',
    );
    expect(await failure(tmp('d.json'))).toContain('not a valid trace document at version');
  });

  it('names a cycle', async () => {
    const b = new TraceBuilder('loop');
    const x = b.execution('Transform');
    const a = b.output(x, 'Examples');
    const y = b.execution('Trainer', { inputs: [a] });
    const m = b.output(y, 'Model');
    b.link(x, m, 'input');
    writeMlmdStore(tmp('loop.sqlite'), [b.build()]);
    const line = await failure(tmp('loop.sqlite'));
    expect(line).toMatch(/loop\.sqlite: trace 'loop' is not a DAG: e1 -> /);
    // The same trace as JSON fails the same way.
    writeFileSync(tmp('loop.json'), stringifyTraceDocument([b.build()]));
    expect(await failure(tmp('loop.json'))).toMatch(/is not a DAG/);
  });

  it('names an event on a node the store lacks', async () => {
    const file = tmp('dangling.sqlite');
    copyFileSync(fixture('tfx-0.22-chicago-taxi-schema-v4.sqlite'), file);
    const db = new DatabaseSync(file);
    db.exec('DELETE FROM Artifact WHERE id = 8');
    db.close();
    expect(await failure(file)).toBe(
      `graphlet segment: ${file}: trace 'chicago_taxi_beam' has an event on unknown node a8\n`,
    );
  });

  it('rejects a bad --role and a missing FILE', async () => {
    const result = await cli(
      'segment',
      fixture('tfx-0.22-chicago-taxi-schema-v4.sqlite'),
      '--role',
      'x=cook',
    );
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain("unknown role 'cook'");
    expect((await cli('segment')).code).toBe(2);
  });

  it('never modifies the store it reads', async () => {
    const file = tmp('copy.sqlite');
    copyFileSync(fixture('tfx-0.22-chicago-taxi-schema-v4.sqlite'), file);
    const before = readFileSync(file);
    await segmentJson(file);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
