/**
 * Per-span feature statistics with drift (Figure 3(c), §3.2, Table 1's dataset similarity).
 * Each new span keeps a feature's distribution (tiny jitter, well inside the "did not move"
 * thresholds) with the span's stay probability, else moves it well outside them, so the
 * similarity of two consecutive spans is close to that probability. A moved feature never
 * lands back on its distribution of two or three spans before, so spans further apart agree
 * only on features that stayed put (no spurious similarity at the history window's lags).
 */
import type { JsonValue, ModelType } from '@graphlet/core';
import { DOMAIN } from './calibration.ts';
import { bernoulli, lognormal, normal, uniform } from './distributions.ts';
import type { Rng } from './random.ts';

interface Distribution {
  readonly mean: number;
  readonly std: number;
  readonly domainSize: number;
}

interface FeatureState {
  readonly name: string;
  readonly categorical: boolean;
  readonly base: Distribution;
  mean: number;
  std: number;
  domainSize: number;
  /** The distributions of the previous spans, newest last (at most LAGS). */
  readonly past: Distribution[];
}

/** Spans back (from 2) that a moved feature must not return to: the history window at hop slides. */
const LAGS = 10;
/** How far a feature may stray from its base: means in base stds, std and domain in log scale. */
const BOUND = { meanStds: 4, logScale: 1.5 } as const;
/** Tries at drawing a move that lands away from the earlier distributions. */
const MOVE_TRIES = 12;

/** The evolving feature distributions of one pipeline's data. */
export interface FeatureDrift {
  /** Advances to the next span, keeping each feature with probability `stay`; returns its statistics. */
  next(stay: number): JsonValue;
}

const round = (x: number): number => Number(x.toPrecision(4));

/** Creates the feature set of a pipeline: `count` features, `categoricalShare` of them categorical. */
export function createFeatureDrift(
  rng: Rng,
  count: number,
  categoricalShare: number,
  modelType: ModelType,
): FeatureDrift {
  // §3.2: categorical domains average 10.6 M values, more than 20 M for linear models.
  const domainMedian = DOMAIN.median * (modelType === 'Linear' ? DOMAIN.linear : 1);
  const features: FeatureState[] = [];
  for (let i = 0; i < count; i++) {
    const categorical = bernoulli(rng, categoricalShare);
    const base = {
      mean: normal(rng, 0, 50),
      std: lognormal(rng, 5, 1),
      domainSize: Math.max(2, Math.round(lognormal(rng, domainMedian, DOMAIN.sigma))),
    };
    features.push({ name: `f${i}`, categorical, base, ...base, past: [] });
  }
  let first = true;
  return {
    next(stay) {
      const out: JsonValue[] = [];
      for (const f of features) {
        if (!first) {
          f.past.push({ mean: f.mean, std: f.std, domainSize: f.domainSize });
          if (f.past.length > LAGS) f.past.shift();
          move(rng, f, bernoulli(rng, stay));
        }
        out.push(
          f.categorical
            ? { name: f.name, kind: 'categorical', domainSize: f.domainSize }
            : { name: f.name, kind: 'numeric', mean: round(f.mean), std: round(f.std) },
        );
      }
      first = false;
      return { features: out };
    },
  };
}

function move(rng: Rng, f: FeatureState, stay: boolean): void {
  if (stay) {
    f.mean += normal(rng, 0, 0.01) * f.std;
    f.std *= Math.exp(normal(rng, 0, 0.01));
    f.domainSize = Math.max(2, Math.round(f.domainSize * Math.exp(normal(rng, 0, 0.01))));
    return;
  }
  // Moves head back toward the feature's base value, so long pipelines do not random-walk away;
  // a move landing near an earlier distribution is drawn again, later tries in either direction
  // unless the value has strayed past BOUND from its base (then always back: no drift to 1e40).
  const from = { mean: f.mean, std: f.std, domainSize: f.domainSize };
  const older = f.past.slice(0, -1);
  const { base } = f;
  const meanFar = Math.abs(from.mean - base.mean) > BOUND.meanStds * base.std;
  const stdFar = Math.abs(Math.log(from.std / base.std)) > BOUND.logScale;
  const domainFar = Math.abs(Math.log(from.domainSize / base.domainSize)) > BOUND.logScale;
  let next = from;
  for (let i = 0; i < MOVE_TRIES; i++) {
    const toward = (above: boolean, far: boolean) =>
      i < MOVE_TRIES / 2 || far ? (above ? -1 : 1) : bernoulli(rng, 0.5) ? 1 : -1;
    next = {
      mean: from.mean + toward(from.mean > base.mean, meanFar) * uniform(rng, 0.3, 1.5) * from.std,
      std: from.std * Math.exp(toward(from.std > base.std, stdFar) * uniform(rng, 0.15, 0.5)),
      domainSize: Math.max(
        2,
        Math.round(
          from.domainSize *
            Math.exp(
              toward(from.domainSize > base.domainSize, domainFar) * uniform(rng, 0.15, 0.9),
            ),
        ),
      ),
    };
    if (older.every((d) => apart(f.categorical, d, next))) break;
  }
  f.mean = next.mean;
  f.std = next.std;
  f.domainSize = next.domainSize;
}

/** Whether two distributions are well outside the "did not move" thresholds of the statistics. */
function apart(categorical: boolean, a: Distribution, b: Distribution): boolean {
  if (categorical) {
    return Math.min(a.domainSize, b.domainSize) < 0.8 * Math.max(a.domainSize, b.domainSize);
  }
  const pooled = Math.sqrt((a.std ** 2 + b.std ** 2) / 2);
  const ratio = b.std / a.std;
  return Math.abs(a.mean - b.mean) > 0.25 * pooled || ratio < 0.8 || ratio > 1.25;
}
