// Import + segmentation benchmark (issue 2): a ~7,000-node trace with 450 trainers, written to
// an MLMD SQLite store, then timed: import alone, segmentation alone, import + segmentation.
// Medians of --runs runs after --warmup runs. Prints JSON. Targets: 50 ms total, 10 ms segment.
//   node bench/src/segment-bench.ts [--runs N] [--warmup N] [--trainers N]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { segmentGraphlets, syntheticTraceForBench } from '@graphlet/core';
import { readMlmdStore, writeMlmdStore } from '@graphlet/formats';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '10' },
    trainers: { type: 'string', default: '450' },
  },
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const trainers = Number(values.trainers);

/** Median wall time in ms of `fn` over `runs` runs after `warmup` unrecorded runs. */
function median(fn: () => unknown): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Number(times[times.length >> 1]!.toFixed(3));
}

const dir = mkdtempSync(join(tmpdir(), 'graphlet-bench-'));
try {
  const trace = syntheticTraceForBench(trainers);
  const file = join(dir, 'bench.sqlite');
  writeMlmdStore(file, [trace]);
  const imported = readMlmdStore(file).traces;
  const graphlets = imported.reduce((n, t) => n + segmentGraphlets(t).graphlets.length, 0);

  const importMs = median(() => readMlmdStore(file));
  const segmentMs = median(() => segmentGraphlets(trace));
  const totalMs = median(() => {
    for (const t of readMlmdStore(file).traces) segmentGraphlets(t);
  });
  const result = {
    importMs,
    segmentMs,
    totalMs,
    nodes: trace.executions.length + trace.artifacts.length,
    events: trace.events.length,
    trainers,
    graphlets,
    runs,
    targets: { totalMs: 50, segmentMs: 10 },
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
