/** `demo [--out FILE]`: generate the seeded demo corpus if absent and summarise its graphlets. */
import { parseArgs } from 'node:util';
import { segmentGraphlets } from '@graphlet/core';
import { readMlmdStore } from '@graphlet/formats';
import { ensureDemoCorpus } from '@graphlet/synth';
import type { Command } from '../command.ts';
import { formatTable } from '../format-table.ts';

const USAGE = `Usage: pnpm cli demo [--out FILE]

Generates the small seeded demo corpus (a dozen pipelines of varied shapes) at FILE unless it
exists (default data/demo.sqlite), then prints each pipeline's model graphlets.

  --out FILE   where the demo store lives (default data/demo.sqlite)`;

/** The `demo` command. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'generate the demo corpus (if absent) and summarise it',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { out: { type: 'string', default: 'data/demo.sqlite' } },
    });
    const path = values.out;
    const started = performance.now();
    if (ensureDemoCorpus(path)) {
      io.stderr(
        `demo: generated ${path} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
    const { traces } = readMlmdStore(path);
    const rows = traces.map((t) => {
      const graphlets = segmentGraphlets(t).graphlets;
      const pushed = graphlets.filter((g) => g.pushed).length;
      const spans = graphlets.reduce((n, g) => n + g.spans.length, 0);
      return [
        t.pipeline,
        t.executions.length + t.artifacts.length,
        graphlets.length,
        pushed,
        graphlets.length === 0 ? 0 : Math.round((spans / graphlets.length) * 10) / 10,
        graphlets.filter((g) => g.warmStart).length,
      ] as const;
    });
    io.stdout(
      `${formatTable(['pipeline', 'nodes', 'graphlets', 'pushed', 'spans/graphlet', 'warm start'], rows)}\n`,
    );
    return 0;
  },
};
