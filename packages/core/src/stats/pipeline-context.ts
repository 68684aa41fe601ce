/**
 * What the figure collectors share about one pipeline, computed once per `add`: lookups, the
 * graphlets in trainer-start order, the lifespan, the pipeline's model class, its data-span
 * feature profile and the comparisons of consecutive graphlets.
 */
import type { Graphlet } from '../graphlet.ts';
import { MODEL_TYPES, type ModelType } from '../metadata-keys.ts';
import type { Trace } from '../trace.ts';
import type { BinOptions } from './distribution.ts';
import { type ModelClass, modelClassOf } from './model-type.ts';
import { codeMatch, datasetSimilarity, spanJaccard } from './pair-similarity.ts';
import { type TraceView, traceView } from './trace-view.ts';

const DAY_MS = 86_400_000;

/** Comparison of graphlet i with graphlet i - 1 (consecutive: adjacent in trainer start order). */
interface ConsecutivePair {
  readonly jaccard: number | undefined;
  readonly dataset: number | undefined;
  readonly codeMatch: boolean | undefined;
}

/** Features seen in a pipeline's data spans. */
interface FeatureProfile {
  /** Distinct feature names over all data spans. */
  readonly features: number;
  readonly categorical: number;
  /** Per categorical feature with a recorded domain size: its mean domain size over the spans. */
  readonly domainSizes: readonly number[];
}

/** Everything a collector needs about one pipeline. */
export interface PipelineContext {
  readonly trace: Trace;
  readonly view: TraceView;
  /**
   * Graphlets of completed trainers sorted by `index` (trainer start, then id): the models every
   * model statistic is about. Failed trainers made no model and are in `failedGraphlets` only.
   */
  readonly graphlets: readonly Graphlet[];
  /** Graphlets whose trainer failed or was canceled (Graphlet.failed), sorted by `index`. */
  readonly failedGraphlets: readonly Graphlet[];
  /** Model type per graphlet (same order). */
  readonly modelTypes: readonly (ModelType | undefined)[];
  /** Days between the oldest and newest node timestamp; undefined without timestamps. */
  readonly lifespanDays: number | undefined;
  /** The class of the pipeline's most common trainer model type; undefined when none is recorded. */
  readonly modelClass: ModelClass | undefined;
  readonly features: FeatureProfile | undefined;
  /** pairs[i - 1] compares graphlets[i] with graphlets[i - 1]. */
  readonly pairs: readonly ConsecutivePair[];
}

/**
 * A per-figure accumulator: sees each pipeline once, then produces its part of the document.
 * What it has seen can be saved as plain JSON-safe data and merged into another of its kind, so
 * pipelines measured apart (one task each) add up to the statistics of them all.
 */
export interface Collector<T, S = unknown> {
  add(pipeline: PipelineContext): void;
  /** What it has seen so far, as plain data (numbers, arrays, records; no Infinity). */
  save(): S;
  /** Takes in what a collector of the same kind saved, as if it had seen those pipelines too. */
  merge(saved: S): void;
  finish(bins: BinOptions): T;
}

/** Builds the shared context of one pipeline. */
export function pipelineContext(trace: Trace, graphlets: readonly Graphlet[]): PipelineContext {
  const view = traceView(trace);
  const all = [...graphlets].sort((a, b) => a.index - b.index);
  const ordered = all.filter((g) => !g.failed);
  const modelTypes = ordered.map((g) => view.modelType(g.trainer));
  const pairs: ConsecutivePair[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const g = ordered[i]!;
    pairs.push({
      jaccard: spanJaccard(prev, g),
      dataset: datasetSimilarity(view, prev, g),
      codeMatch: codeMatch(view, prev, g),
    });
  }
  return {
    trace,
    view,
    graphlets: ordered,
    failedGraphlets: all.filter((g) => g.failed),
    modelTypes,
    lifespanDays: lifespanDays(trace),
    modelClass: dominantClass(modelTypes),
    features: featureProfile(view),
    pairs,
  };
}

/** Lifespan (§3.1): days between the oldest and newest node timestamps (execution start/end, artifact creation). */
export function lifespanDays(trace: Trace): number | undefined {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const see = (t: number | undefined) => {
    if (t === undefined || !Number.isFinite(t)) return;
    if (t < min) min = t;
    if (t > max) max = t;
  };
  for (const e of trace.executions) {
    see(e.startMs);
    see(e.endMs);
  }
  for (const a of trace.artifacts) see(a.createdMs);
  return min === Number.POSITIVE_INFINITY ? undefined : (max - min) / DAY_MS;
}

function dominantClass(types: readonly (ModelType | undefined)[]): ModelClass | undefined {
  const counts = new Int32Array(MODEL_TYPES.length);
  for (const t of types) if (t !== undefined) counts[MODEL_TYPES.indexOf(t)]! += 1;
  let best = -1;
  for (let i = 0; i < counts.length; i++) {
    if ((counts[i] ?? 0) > 0 && (best < 0 || (counts[i] ?? 0) > (counts[best] ?? 0))) best = i;
  }
  return best < 0 ? undefined : modelClassOf(MODEL_TYPES[best]!);
}

/** Feature profile over the data spans (outputs of ingestion executions) that carry feature statistics. */
function featureProfile(view: TraceView): FeatureProfile | undefined {
  const byName = new Map<string, { categorical: boolean; sum: number; n: number }>();
  const seen = new Set<number>();
  let any = false;
  for (const ev of view.trace.events) {
    if (ev.kind !== 'output' || seen.has(ev.artifact)) continue;
    if (view.execution(ev.execution)?.role !== 'ingestion') continue;
    seen.add(ev.artifact);
    const stats = view.featureStatistics(ev.artifact);
    if (stats === undefined) continue;
    any = true;
    for (const [name, f] of stats) {
      // A feature's kind is the one of the first span that lists it.
      let entry = byName.get(name);
      if (entry === undefined) {
        entry = { categorical: f.kind === 'categorical', sum: 0, n: 0 };
        byName.set(name, entry);
      }
      if (f.kind === 'categorical' && f.domainSize !== undefined) {
        entry.sum += f.domainSize;
        entry.n += 1;
      }
    }
  }
  if (!any) return undefined;
  let categorical = 0;
  const domainSizes: number[] = [];
  for (const entry of byName.values()) {
    if (!entry.categorical) continue;
    categorical++;
    if (entry.n > 0) domainSizes.push(entry.sum / entry.n);
  }
  return { features: byName.size, categorical, domainSizes };
}
