/**
 * Figure 4 (§3.2): analyzer usage from the Transform `analyzers` property (share of pipelines
 * using each analyzer at least once; total uses), and the §3.2 feature kinds: share of
 * categorical features and mean categorical domain size (all, DNN and Linear pipelines).
 */
import { ANALYZER_KINDS, ANALYZERS } from '../metadata-keys.ts';
import { type PropertyValue, propertyOf } from '../trace.ts';
import { availability, type Figure4 } from './corpus-statistics.ts';
import { NO_FEATURE_STATISTICS } from './figure-3.ts';
import type { Collector } from './pipeline-context.ts';

const NO_ANALYZERS =
  'no Transform execution carries an analyzers property; real TFX stores do not record it';

/** A sum and how many values it adds. */
interface Mean {
  sum: number;
  n: number;
}

/** What figure 4's collector saves: its counts per analyzer kind and the feature-kind sums. */
interface Saved {
  readonly recording: number;
  readonly pipelinesUsing: Readonly<Record<string, number>>;
  readonly uses: Readonly<Record<string, number>>;
  readonly featurePipelines: number;
  readonly shareSum: number;
  readonly domains: Readonly<Record<'all' | 'DNN' | 'Linear', Mean>>;
}

/**
 * Pipeline shares are over the pipelines that record analyzers at all, so stores lacking the
 * metadata do not count as pipelines using none. Categorical share is the mean over pipelines
 * of each pipeline's share; domain sizes are averaged over all categorical features.
 */
export function figure4Collector(): Collector<Figure4, Saved> {
  const pipelinesUsing = new Map<string, number>();
  const uses = new Map<string, number>();
  let recording = 0;
  let featurePipelines = 0;
  let shareSum = 0;
  const domains = { all: { sum: 0, n: 0 }, DNN: { sum: 0, n: 0 }, Linear: { sum: 0, n: 0 } };
  const addAll = (into: Map<string, number>, from: Readonly<Record<string, number>>) => {
    for (const [kind, n] of Object.entries(from)) into.set(kind, (into.get(kind) ?? 0) + n);
  };
  return {
    add(p) {
      const here = new Map<string, number>();
      let recorded = false;
      for (const e of p.trace.executions) {
        if (e.role !== 'transform') continue;
        const counts = analyzerCounts(propertyOf(e, ANALYZERS));
        if (counts === undefined) continue;
        recorded = true;
        for (const [kind, n] of counts) here.set(kind, (here.get(kind) ?? 0) + n);
      }
      if (recorded) {
        recording++;
        for (const [kind, n] of here) {
          uses.set(kind, (uses.get(kind) ?? 0) + n);
          if (n > 0) pipelinesUsing.set(kind, (pipelinesUsing.get(kind) ?? 0) + 1);
        }
      }
      const f = p.features;
      if (f !== undefined && f.features > 0) {
        featurePipelines++;
        shareSum += f.categorical / f.features;
        for (const d of f.domainSizes) {
          domains.all.sum += d;
          domains.all.n++;
          if (p.modelClass === 'DNN' || p.modelClass === 'Linear') {
            domains[p.modelClass].sum += d;
            domains[p.modelClass].n++;
          }
        }
      }
    },
    save: () => ({
      recording,
      pipelinesUsing: Object.fromEntries(pipelinesUsing),
      uses: Object.fromEntries(uses),
      featurePipelines,
      shareSum,
      domains: { all: { ...domains.all }, DNN: { ...domains.DNN }, Linear: { ...domains.Linear } },
    }),
    merge(saved) {
      recording += saved.recording;
      addAll(pipelinesUsing, saved.pipelinesUsing);
      addAll(uses, saved.uses);
      featurePipelines += saved.featurePipelines;
      shareSum += saved.shareSum;
      for (const k of ['all', 'DNN', 'Linear'] as const) {
        domains[k].sum += saved.domains[k].sum;
        domains[k].n += saved.domains[k].n;
      }
    },
    finish() {
      const kinds = [
        ...ANALYZER_KINDS,
        ...[...uses.keys()]
          .filter((k) => !(ANALYZER_KINDS as readonly string[]).includes(k))
          .sort(),
      ];
      const mean = (d: { sum: number; n: number }) => (d.n === 0 ? null : d.sum / d.n);
      return {
        ...availability(recording > 0, NO_ANALYZERS),
        pipelines: recording,
        pipelineShare: Object.fromEntries(
          kinds.map((k) => [k, recording === 0 ? null : (pipelinesUsing.get(k) ?? 0) / recording]),
        ),
        totalUses: Object.fromEntries(kinds.map((k) => [k, uses.get(k) ?? 0])),
        featureKinds: {
          ...availability(featurePipelines > 0, NO_FEATURE_STATISTICS),
          pipelines: featurePipelines,
          categoricalShare: featurePipelines === 0 ? null : shareSum / featurePipelines,
          meanDomainSize: {
            all: mean(domains.all),
            DNN: mean(domains.DNN),
            Linear: mean(domains.Linear),
          },
        },
      };
    },
  };
}

/** Reads `{ vocabulary: 3, ... }` (or its JSON text); non-numeric counts are skipped. */
function analyzerCounts(value: PropertyValue | undefined): Map<string, number> | undefined {
  let struct: unknown = value;
  if (typeof value === 'string') {
    try {
      struct = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof struct !== 'object' || struct === null || Array.isArray(struct)) return undefined;
  if ('$undecoded' in struct) return undefined;
  const out = new Map<string, number>();
  for (const [kind, n] of Object.entries(struct)) {
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) out.set(kind, n);
  }
  return out;
}
