/**
 * The statistics engine: streams pipelines (trace + graphlets) into per-figure collectors that
 * keep only numbers, never traces, and assembles the CorpusStatistics document.
 */
import type { Graphlet } from '../graphlet.ts';
import type { Trace } from '../trace.ts';
import { TraceError } from '../trace-error.ts';
import type { CorpusStatistics } from './corpus-statistics.ts';
import { corpusSummaryCollector } from './corpus-summary.ts';
import { type BinOptions, DEFAULT_BINS } from './distribution.ts';
import { figure3Collector } from './figure-3.ts';
import { figure4Collector } from './figure-4.ts';
import { figure5Collector } from './figure-5.ts';
import { figure6Collector } from './figure-6.ts';
import { figure7Collector } from './figure-7.ts';
import { figure9GapsCollector } from './figure-9-gaps.ts';
import { figure9cCollector } from './figure-9c.ts';
import { figure9dCollector } from './figure-9d.ts';
import { figure9eCollector } from './figure-9e.ts';
import { figure9fCollector } from './figure-9f.ts';
import { type Collector, pipelineContext } from './pipeline-context.ts';
import { table1Collector } from './table-1.ts';
import { table2Collector } from './table-2.ts';

/** Histogram layout of the distributions; defaults to 4 bins per decade and 20 linear bins. */
export interface StatsOptions {
  readonly binsPerDecade?: number;
  readonly linearBins?: number;
}

/**
 * The version of what `save` writes. Bump it when a collector's saved shape or meaning changes:
 * states saved under another version are measured again from their traces, never merged.
 */
export const STATS_STATE_VERSION = 1;

/** What an accumulator has seen, as plain JSON-safe data: one part per collector. */
export interface StatsState {
  readonly version: number;
  readonly parts: Readonly<Record<string, unknown>>;
}

/** Accepts pipelines one at a time; `finish` computes the document (and may be called again). */
export interface StatsAccumulator {
  add(trace: Trace, graphlets: readonly Graphlet[]): void;
  /** What it has seen so far (JSON-safe), for `merge` in another accumulator. */
  save(): StatsState;
  /**
   * Takes in what another accumulator saved, as if it had seen those pipelines too: the document
   * is the same up to the rounding of sums added in another order. Throws on another version.
   */
  merge(state: StatsState): void;
  finish(): CorpusStatistics;
}

/**
 * Creates an empty accumulator; memory grows by a few numbers per pipeline and graphlet.
 * @example
 * const acc = createStatsAccumulator();
 * for (const trace of traces) acc.add(trace, segmentGraphlets(trace).graphlets);
 * acc.finish().figures['3a'].mean;
 */
export function createStatsAccumulator(options: StatsOptions = {}): StatsAccumulator {
  const bins: BinOptions = {
    binsPerDecade: options.binsPerDecade ?? DEFAULT_BINS.binsPerDecade,
    linearBins: options.linearBins ?? DEFAULT_BINS.linearBins,
  };
  if (!(bins.binsPerDecade >= 1 && bins.linearBins >= 1)) {
    throw new TraceError(
      'invalid_argument',
      'stats',
      'binsPerDecade and linearBins must be at least 1',
    );
  }
  const corpus = corpusSummaryCollector();
  const f3 = figure3Collector();
  const f4 = figure4Collector();
  const f5 = figure5Collector();
  const f6 = figure6Collector();
  const f7 = figure7Collector();
  const gaps = figure9GapsCollector();
  const f9c = figure9cCollector();
  const f9d = figure9dCollector();
  const f9e = figure9eCollector();
  const f9f = figure9fCollector();
  const t1 = table1Collector();
  const t2 = table2Collector();
  const parts: Record<string, Collector<unknown, unknown>> = {
    corpus,
    f3,
    f4,
    f5,
    f6,
    f7,
    gaps,
    f9c,
    f9d,
    f9e,
    f9f,
    t1,
    t2,
  };
  const all = Object.values(parts);
  return {
    add(trace, graphlets) {
      const context = pipelineContext(trace, graphlets);
      for (const c of all) c.add(context);
    },
    save: () => ({
      version: STATS_STATE_VERSION,
      parts: Object.fromEntries(Object.entries(parts).map(([k, c]) => [k, c.save()])),
    }),
    merge(state) {
      if (state.version !== STATS_STATE_VERSION) {
        throw new TraceError(
          'invalid_argument',
          'stats',
          `saved statistics are version ${state.version}, this build merges ${STATS_STATE_VERSION}`,
        );
      }
      const missing = Object.keys(parts).filter((k) => state.parts[k] === undefined);
      if (missing.length > 0) {
        throw new TraceError(
          'invalid_argument',
          'stats',
          `saved statistics lack ${missing.join(', ')}`,
        );
      }
      for (const [k, c] of Object.entries(parts)) c.merge(state.parts[k]);
    },
    finish() {
      const fig3 = f3.finish(bins);
      const fig9 = gaps.finish(bins);
      return {
        corpus: corpus.finish(bins),
        figures: {
          '3a': fig3['3a'],
          '3b': fig3['3b'],
          '3c': fig3['3c'],
          '3d': fig3['3d'],
          '3e': fig3['3e'],
          '3f': fig3['3f'],
          '4': f4.finish(bins),
          '5': f5.finish(bins),
          '6': f6.finish(bins),
          '7': f7.finish(bins),
          '9a': fig9['9a'],
          '9b': fig9['9b'],
          '9c': f9c.finish(bins),
          '9d': f9d.finish(bins),
          '9e': f9e.finish(bins),
          '9f': f9f.finish(bins),
        },
        tables: { '1': t1.finish(bins), '2': t2.finish(bins) },
      };
    },
  };
}

/**
 * What the statistics see in one pipeline, saved: pipelines measured apart (a task each) merge
 * into the statistics of all of them without reading their traces again.
 * @example
 * const acc = createStatsAccumulator();
 * for (const p of pipelines) acc.merge(pipelineStatsState(p.trace, p.graphlets));
 */
export function pipelineStatsState(trace: Trace, graphlets: readonly Graphlet[]): StatsState {
  const acc = createStatsAccumulator();
  acc.add(trace, graphlets);
  return acc.save();
}

/**
 * Statistics of a whole corpus at once (see createStatsAccumulator to stream).
 * @example computeStatistics([{ trace, graphlets: segmentGraphlets(trace).graphlets }]).corpus.pushedShare
 */
export function computeStatistics(
  pipelines: Iterable<{ readonly trace: Trace; readonly graphlets: readonly Graphlet[] }>,
  options: StatsOptions = {},
): CorpusStatistics {
  const acc = createStatsAccumulator(options);
  for (const p of pipelines) acc.add(p.trace, p.graphlets);
  return acc.finish();
}
