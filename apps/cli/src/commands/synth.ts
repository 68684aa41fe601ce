/** `synth --pipelines N --seed S --out FILE [--scale paper] [--force]`: write a synthetic corpus. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CorpusProgress, PAPER_PIPELINES, writeCorpus } from '@graphlet/synth';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';

const USAGE = `Usage: pnpm cli synth --out FILE [--pipelines N | --scale paper] [--seed S] [--force]

Generates a synthetic corpus of TFX pipelines calibrated to the paper (see
packages/synth/README.md) and writes it as an MLMD SQLite store. The same seed and N give the
same content. Progress goes to stderr.

  --out FILE       the store to write (written to a temporary file, then renamed)
  --pipelines N    number of pipelines (default 300)
  --scale paper    the paper's corpus size: 3,000 pipelines, ~430,000 graphlets, ~5.7 M nodes
                   (about 4 minutes, ~600 MB of memory, a 6 GB store)
  --seed S         integer seed (default 1)
  --force          overwrite FILE if it exists`;

/** The `synth` command. */
export const synthCommand: Command = {
  name: 'synth',
  summary: 'generate a synthetic corpus calibrated to the paper',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        pipelines: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
      },
    });
    if (values.out === undefined) throw new CliError('--out FILE is required');
    if (values.scale !== undefined && values.scale !== 'paper') {
      throw new CliError(`--scale must be 'paper', got '${values.scale}'`);
    }
    if (values.scale !== undefined && values.pipelines !== undefined) {
      throw new CliError('give either --pipelines or --scale, not both');
    }
    const pipelines =
      values.scale === 'paper'
        ? PAPER_PIPELINES
        : integer('--pipelines', values.pipelines ?? '300', 1);
    const seed = integer('--seed', values.seed, Number.MIN_SAFE_INTEGER);
    if (existsSync(values.out) && !values.force) {
      throw new CliError(`${values.out} already exists; pass --force to overwrite it`);
    }
    let lastReport = 0;
    const progress = (p: CorpusProgress) => {
      if (p.done < p.total && p.elapsedMs - lastReport < 1000) return;
      lastReport = p.elapsedMs;
      const rate = Math.round(p.nodes / Math.max(p.elapsedMs / 1000, 1e-3));
      io.stderr(
        `synth: ${p.done}/${p.total} pipelines, ${p.graphlets} models, ${p.nodes} nodes, ${rate} nodes/s\n`,
      );
    };
    const summary = writeCorpus(values.out, {
      pipelines,
      seed,
      force: values.force,
      onProgress: progress,
    });
    io.stderr(
      `synth: wrote ${summary.path}: ${summary.pipelines} pipelines, ${summary.trainers} trainer runs, ` +
        `${summary.executions + summary.artifacts} nodes, ${summary.events} events in ${summary.seconds.toFixed(1)} s\n`,
    );
    return 0;
  },
};

function integer(flag: string, text: string, lowest: number): number {
  const n = Number(text);
  if (!(Number.isSafeInteger(n) && n >= lowest)) {
    throw new CliError(`${flag} must be an integer${lowest === 1 ? ' ≥ 1' : ''}, got '${text}'`);
  }
  return n;
}
