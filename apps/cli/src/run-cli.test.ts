import { TraceError } from '@graphlet/core';
import { FormatError } from '@graphlet/formats';
import { WasteError } from '@graphlet/waste';
import { describe, expect, it } from 'vitest';
import { CliError, inFile } from './cli-error.ts';
import type { Command } from './command.ts';
import { runCli } from './run-cli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) },
  };
}

const failing: Command = {
  name: 'fail',
  summary: 'always fails',
  usage: 'usage: fail',
  run: async () => {
    throw new CliError('bad.sqlite: not an MLMD store');
  },
};

describe('runCli', () => {
  it('turns a CliError into one stderr line and exit code 2', async () => {
    const { err, out, io } = capture();
    expect(await runCli(['fail'], [failing], io)).toBe(2);
    expect(err.join('')).toBe('graphlet fail: bad.sqlite: not an MLMD store\n');
    expect(out).toEqual([]);
  });

  it.each([
    [new FormatError('truncated', 'cut.sqlite', 'truncated'), 'cut.sqlite: truncated'],
    [new WasteError('one_class', 'every graphlet pushed'), 'every graphlet pushed'],
    [
      new TraceError('invalid_argument', 'waste', 'window must be 1..50'),
      'waste: window must be 1..50',
    ],
    [
      () =>
        inFile('loop.json', () => {
          throw new TraceError('cycle', 'core', "trace 'p' is not a DAG: e1 -> a1 -> e1");
        }),
      "loop.json: trace 'p' is not a DAG: e1 -> a1 -> e1",
    ],
    [
      () =>
        inFile('few.json', () => {
          throw new WasteError('too_few_graphlets', 'only 3 graphlets');
        }),
      'few.json: only 3 graphlets',
    ],
  ])('maps the typed error %# to one stderr line and exit code 2', async (error, line) => {
    const { err, io } = capture();
    const command: Command = {
      ...failing,
      run: async () => {
        if (typeof error === 'function') error();
        throw error;
      },
    };
    expect(await runCli(['fail'], [command], io)).toBe(2);
    expect(err.join('')).toBe(`graphlet fail: ${line}\n`);
  });

  it('rethrows a broken invariant and any untyped error (a bug, with its stack)', async () => {
    const { io } = capture();
    const internal = new TraceError('internal', 'core', 'wrote 3 features, expected 4');
    for (const error of [internal, new Error('core: trace p is odd')]) {
      const command: Command = {
        ...failing,
        run: async () => {
          throw error;
        },
      };
      await expect(runCli(['fail'], [command], io)).rejects.toBe(error);
    }
  });

  it('shows the usage after a bad option', async () => {
    const { err, io } = capture();
    const command: Command = {
      ...failing,
      run: async () => {
        const { parseArgs } = await import('node:util');
        parseArgs({ args: ['--nope'], options: {} });
        return 0;
      },
    };
    expect(await runCli(['fail'], [command], io)).toBe(2);
    expect(err.join('')).toMatch(/^graphlet fail: Unknown option '--nope'.*\nusage: fail\n$/s);
  });

  it('rejects unknown commands', async () => {
    const { err, io } = capture();
    expect(await runCli(['nope'], [failing], io)).toBe(2);
    expect(err.join('')).toContain("unknown command 'nope'");
  });

  it('lists commands on help', async () => {
    const { out, io } = capture();
    expect(await runCli(['help'], [failing], io)).toBe(0);
    expect(out.join('')).toContain('fail  always fails');
  });
});
