// Statistics benchmark: segmentation plus every statistic of the paper (§3, §4) over a
// synthetic corpus (default 300 pipelines, the calibration size), on one core. The corpus is
// generated in memory first (not timed); the baseline measured in the same run is segmentation
// alone, so `statsOverSegment` says what the statistics add on top of it. Target: < 5 s total.
// The fan-in, as the server runs it: each pipeline measured apart and saved as JSON (what an
// import's task adds), then the saved parts parsed and merged (what the corpus statistics do),
// each against the one pass (`saveOverStats`, `mergeOverStats`).
// With --store FILE it also times reading that MLMD store pipeline by pipeline (import).
//   node bench/src/stats-bench.ts [--pipelines N] [--seed S] [--store FILE]

import { parseArgs } from 'node:util';
import {
  createStatsAccumulator,
  type Graphlet,
  pipelineStatsState,
  segmentGraphlets,
  type Trace,
} from '@graphlet/core';
import { iterateMlmdTraces } from '@graphlet/formats';
import { generateCorpusPipeline } from '@graphlet/synth';

const { values } = parseArgs({
  options: {
    pipelines: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    store: { type: 'string' },
  },
});
const pipelines = Number(values.pipelines);
const seed = Number(values.seed);

const traces: Trace[] = [];
let nodes = 0;
for (let i = 0; i < pipelines; i++) {
  const trace = generateCorpusPipeline(seed, i);
  traces.push(trace);
  nodes += trace.executions.length + trace.artifacts.length;
}

/** Wall and CPU seconds of one call. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu0);
  return { value, wall, cpu: (used.user + used.system) / 1e6 };
}

const segmented = timed(() => traces.map((trace) => segmentGraphlets(trace).graphlets));
const graphletLists: readonly (readonly Graphlet[])[] = segmented.value;
const stats = timed(() => {
  const accumulator = createStatsAccumulator();
  for (const [i, trace] of traces.entries()) accumulator.add(trace, graphletLists[i] ?? []);
  return accumulator.finish();
});
const saved = timed(() =>
  traces.map((trace, i) => JSON.stringify(pipelineStatsState(trace, graphletLists[i] ?? []))),
);
const merged = timed(() => {
  const accumulator = createStatsAccumulator();
  for (const json of saved.value) accumulator.merge(JSON.parse(json));
  return accumulator.finish();
});
if (merged.value.corpus.graphlets !== stats.value.corpus.graphlets) {
  throw new Error('the merged statistics count other graphlets than the one pass');
}
const total = segmented.wall + stats.wall;
const round = (x: number) => Number(x.toFixed(3));
const store = values.store;
const imported =
  store === undefined
    ? undefined
    : timed(() => {
        const accumulator = createStatsAccumulator();
        for (const trace of iterateMlmdTraces(store)) {
          accumulator.add(trace, segmentGraphlets(trace).graphlets);
        }
        return accumulator.finish().corpus.pipelines;
      });

process.stdout.write(
  `${JSON.stringify(
    {
      pipelines,
      nodes,
      graphlets: stats.value.corpus.graphlets,
      segmentSeconds: round(segmented.wall),
      statsSeconds: round(stats.wall),
      totalSeconds: round(total),
      cpuSeconds: round(segmented.cpu + stats.cpu),
      statsOverSegment: round(stats.wall / segmented.wall),
      fanIn: {
        saveSeconds: round(saved.wall),
        savedBytesPerPipeline: Math.round(
          saved.value.reduce((n, json) => n + json.length, 0) / pipelines,
        ),
        mergeSeconds: round(merged.wall),
        saveOverStats: round(saved.wall / stats.wall),
        mergeOverStats: round(merged.wall / stats.wall),
      },
      target: { totalSeconds: 5 },
      withinTarget: total < 5,
      ...(imported === undefined
        ? {}
        : {
            fromStore: {
              pipelines: imported.value,
              importSegmentStatsSeconds: round(imported.wall),
            },
          }),
    },
    null,
    2,
  )}\n`,
);
