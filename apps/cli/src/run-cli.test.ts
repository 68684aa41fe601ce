import { describe, expect, it } from 'vitest';
import { CliError } from './cli-error.ts';
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
