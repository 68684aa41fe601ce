// Import + segmentation benchmark (§4.1): a ~7,000-node trace with 450 trainers, written to
// an MLMD SQLite store, then timed: import alone, segmentation alone, import + segmentation.
// Medians of --runs runs after --warmup runs (wall time; CPU time under cpuMs). Prints JSON. Targets: 50 ms total, 10 ms segment.
//   node bench/src/segment-bench.ts [--runs N] [--warmup N] [--trainers N]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { segmentGraphlets } from '@graphlet/core';
import { syntheticTraceForBench } from '@graphlet/core/testing';
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

/**
 * Medians over `runs` runs (after `warmup` unrecorded runs) of `fn`'s wall time and of its CPU
 * time (user + system), both in ms; CPU time is less disturbed by other load on the machine.
 */
function median(fn: () => unknown): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (xs: number[]) => Number(xs.sort((a, b) => a - b)[xs.length >> 1]!.toFixed(3));
  return { wall: mid(wall), cpu: mid(cpu) };
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
    importMs: importMs.wall,
    segmentMs: segmentMs.wall,
    totalMs: totalMs.wall,
    cpuMs: { import: importMs.cpu, segment: segmentMs.cpu, total: totalMs.cpu },
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
