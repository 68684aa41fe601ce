// Synthetic corpus benchmark: generation alone (in memory, one pipeline at a time) and
// generation + MLMD store writing, for --pipelines pipelines (default 300; `--pipelines 3000` is
// the paper scale). Prints JSON {pipelines, nodes, seconds, nodesPerSecond, write, writeOverGenerate,
// peakRssMb, ...};
// CPU seconds beside wall seconds, since other load on the machine slows the wall clock.
//   node bench/src/synth-bench.ts [--pipelines N] [--seed S] [--write-only | --generate-only]

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus, writeCorpus } from '@graphlet/synth';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    'write-only': { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
  },
});
const pipelines = Number(values.pipelines);
const seed = Number(values.seed);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);

function timed<T>(fn: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return {
    value,
    seconds: (performance.now() - start) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
  };
}

const result: Record<string, unknown> = { pipelines };
if (!values['write-only']) {
  const gen = timed(() => {
    let nodes = 0;
    let events = 0;
    let graphlets = 0;
    for (const trace of generateCorpus({ pipelines, seed })) {
      nodes += trace.executions.length + trace.artifacts.length;
      events += trace.events.length;
      for (const e of trace.executions) if (e.role === 'trainer') graphlets++;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    return { nodes, events, graphlets };
  });
  Object.assign(result, {
    nodes: gen.value.nodes,
    events: gen.value.events,
    trainerRuns: gen.value.graphlets,
    seconds: round(gen.seconds),
    cpuSeconds: round(gen.cpuSeconds),
    nodesPerSecond: Math.round(gen.value.nodes / gen.seconds),
  });
}
if (!values['generate-only']) {
  const dir = mkdtempSync(join(tmpdir(), 'synth-bench-'));
  const file = join(dir, 'corpus.sqlite');
  try {
    const w = timed(() => writeCorpus(file, { pipelines, seed }));
    const nodes = w.value.executions + w.value.artifacts;
    Object.assign(result, {
      nodes,
      write: {
        seconds: round(w.seconds),
        cpuSeconds: round(w.cpuSeconds),
        nodesPerSecond: Math.round(nodes / w.seconds),
        storeMb: round(statSync(file).size / 1e6),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
clearInterval(sampler);
// Baseline measured in this run: generating the traces alone; writing costs this many times more.
const write = result.write as { seconds: number } | undefined;
if (write !== undefined && typeof result.seconds === 'number' && result.seconds > 0) {
  result.writeOverGenerate = round(write.seconds / result.seconds);
}
result.peakRssMb = Math.round(Math.max(peakRss, process.memoryUsage().rss) / 1e6);
process.stdout.write(`${JSON.stringify(result)}\n`);

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
