/**
 * Figure 3 (§3.1, §3.2): per-pipeline lifespan in days (a), models trained per day (b) and
 * feature count (c), and the same split by model class DNN / Linear / Rest (d)-(f).
 */
import {
  availability,
  type ByClassFigure,
  type CorpusStatistics,
  type DistributionFigure,
} from './corpus-statistics.ts';
import { type BinOptions, distributionOf, ValueSink } from './distribution.ts';
import { MODEL_CLASSES, type ModelClass } from './model-type.ts';
import type { Collector } from './pipeline-context.ts';

const NO_TIMESTAMPS =
  'no trace records node timestamps (MLMD schema v4 stores, for one, have none)';
export const NO_TRAINER = 'no pipeline has a Trainer run, so no model graphlet exists';
export const NO_FEATURE_STATISTICS =
  'no data span carries a feature_statistics property; real TFX stores do not record it';
export const NO_MODEL_TYPE =
  'no Trainer carries a model_type property; real TFX stores do not record it';

/** Figures 3(a)-(f) of the statistics document. */
export type Figure3 = Pick<CorpusStatistics['figures'], '3a' | '3b' | '3c' | '3d' | '3e' | '3f'>;

type Sinks = Record<ModelClass, ValueSink>;
const sinksByClass = (): Sinks => ({
  DNN: new ValueSink(),
  Linear: new ValueSink(),
  Rest: new ValueSink(),
});

const MEASURES = ['lifespan', 'perDay', 'features'] as const;
type Measure = (typeof MEASURES)[number];
const mapMeasures = <T>(f: (m: Measure) => T) =>
  Object.fromEntries(MEASURES.map((m) => [m, f(m)])) as Record<Measure, T>;
const mapClasses = <T>(f: (c: ModelClass) => T) =>
  Object.fromEntries(MODEL_CLASSES.map((c) => [c, f(c)])) as Record<ModelClass, T>;

/** What figure 3's collector saves: each measure's values, whole and per model class. */
interface Saved {
  readonly withGraphlets: number;
  readonly anyTyped: boolean;
  readonly sinks: Record<Measure, number[]>;
  readonly byClass: Record<Measure, Record<ModelClass, number[]>>;
}

/**
 * Lifespan: days between the trace's oldest and newest node timestamps, over pipelines with
 * timestamps. Models per day: graphlets / max(lifespan, 1 day), over pipelines with graphlets
 * and timestamps (so a pipeline living one hour that trains 3 models trains 3 per day, not 72).
 * Feature count: distinct features over the pipeline's data spans. A pipeline's class is that
 * of its most common trainer model type.
 */
export function figure3Collector(): Collector<Figure3, Saved> {
  const lifespan = new ValueSink();
  const perDay = new ValueSink();
  const features = new ValueSink();
  const byClass = { lifespan: sinksByClass(), perDay: sinksByClass(), features: sinksByClass() };
  let withGraphlets = 0;
  let anyTyped = false;
  const all = { lifespan, perDay, features };
  return {
    add(p) {
      const cls = p.modelClass;
      if (cls !== undefined) anyTyped = true;
      if (p.graphlets.length > 0) withGraphlets++;
      if (p.lifespanDays !== undefined) {
        lifespan.push(p.lifespanDays);
        if (cls !== undefined) byClass.lifespan[cls].push(p.lifespanDays);
        if (p.graphlets.length > 0) {
          const rate = p.graphlets.length / Math.max(p.lifespanDays, 1);
          perDay.push(rate);
          if (cls !== undefined) byClass.perDay[cls].push(rate);
        }
      }
      if (p.features !== undefined) {
        features.push(p.features.features);
        if (cls !== undefined) byClass.features[cls].push(p.features.features);
      }
    },
    save: () => ({
      withGraphlets,
      anyTyped,
      sinks: mapMeasures((m) => all[m].toArray()),
      byClass: mapMeasures((m) => mapClasses((c) => byClass[m][c].toArray())),
    }),
    merge(saved) {
      withGraphlets += saved.withGraphlets;
      anyTyped ||= saved.anyTyped;
      for (const m of MEASURES) {
        all[m].pushAll(saved.sinks[m]);
        for (const c of MODEL_CLASSES) byClass[m][c].pushAll(saved.byClass[m][c]);
      }
    },
    finish(bins) {
      const a = figure(lifespan, 'linear', bins, 'days', NO_TIMESTAMPS);
      const b = figure(
        perDay,
        'log',
        bins,
        'models per day',
        withGraphlets === 0 ? NO_TRAINER : NO_TIMESTAMPS,
      );
      const c = figure(features, 'log', bins, 'features', NO_FEATURE_STATISTICS);
      return {
        '3a': a,
        '3b': b,
        '3c': c,
        '3d': split(byClass.lifespan, 'linear', bins, 'days', a, anyTyped),
        '3e': split(byClass.perDay, 'log', bins, 'models per day', b, anyTyped),
        '3f': split(byClass.features, 'log', bins, 'features', c, anyTyped),
      };
    },
  };
}

function figure(
  sink: ValueSink,
  scale: 'linear' | 'log',
  bins: BinOptions,
  unit: string,
  reason: string,
): DistributionFigure {
  return { ...availability(sink.length > 0, reason), unit, ...distributionOf(sink, scale, bins) };
}

function split(
  sinks: Sinks,
  scale: 'linear' | 'log',
  bins: BinOptions,
  unit: string,
  whole: DistributionFigure,
  anyTyped: boolean,
): ByClassFigure {
  // The split shares the whole figure's edges so the three classes chart on one axis.
  const edges = whole.histogram.edges;
  const reason = whole.available
    ? anyTyped
      ? 'no pipeline with a model type has this measurement'
      : NO_MODEL_TYPE
    : (whole.reason ?? '');
  const byClass = Object.fromEntries(
    MODEL_CLASSES.map((c) => [c, distributionOf(sinks[c], scale, bins, edges)]),
  ) as Record<ModelClass, ReturnType<typeof distributionOf>>;
  const any = MODEL_CLASSES.some((c) => sinks[c].length > 0);
  return { ...availability(any, reason), unit, byClass };
}
