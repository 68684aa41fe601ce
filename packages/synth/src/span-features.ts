/**
 * Per-span feature statistics with drift (Figure 3(c), §3.2, Table 1's dataset similarity).
 * Each new span keeps a feature's distribution (tiny jitter, well inside the "did not move"
 * thresholds) with the span's stay probability, else moves it well outside them, so the
 * similarity of two consecutive spans is close to that probability.
 */
import type { JsonValue, ModelType } from '@graphlet/core';
import { DOMAIN } from './calibration.ts';
import { bernoulli, lognormal, normal, uniform } from './distributions.ts';
import type { Rng } from './random.ts';

interface FeatureState {
  readonly name: string;
  readonly categorical: boolean;
  readonly base: { readonly mean: number; readonly std: number; readonly domainSize: number };
  mean: number;
  std: number;
  domainSize: number;
}

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
  const domainMedian = DOMAIN.median * (modelType === 'Linear' ? 2 : 1);
  const features: FeatureState[] = [];
  for (let i = 0; i < count; i++) {
    const categorical = bernoulli(rng, categoricalShare);
    const base = {
      mean: normal(rng, 0, 50),
      std: lognormal(rng, 5, 1),
      domainSize: Math.max(2, Math.round(lognormal(rng, domainMedian, DOMAIN.sigma))),
    };
    features.push({ name: `f${i}`, categorical, base, ...base });
  }
  let first = true;
  return {
    next(stay) {
      const out: JsonValue[] = [];
      for (const f of features) {
        if (!first) move(rng, f, bernoulli(rng, stay));
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
  // Moves head back toward the feature's base value, so long pipelines do not random-walk away.
  const toward = (value: number, base: number) => (value > base ? -1 : 1);
  if (stay) {
    f.mean += normal(rng, 0, 0.01) * f.std;
    f.std *= Math.exp(normal(rng, 0, 0.01));
    f.domainSize = Math.max(2, Math.round(f.domainSize * Math.exp(normal(rng, 0, 0.01))));
    return;
  }
  f.mean += toward(f.mean, f.base.mean) * uniform(rng, 0.3, 1.5) * f.std;
  f.std *= Math.exp(toward(f.std, f.base.std) * uniform(rng, 0.15, 0.5));
  const domainStep = Math.exp(toward(f.domainSize, f.base.domainSize) * uniform(rng, 0.15, 0.9));
  f.domainSize = Math.max(2, Math.round(f.domainSize * domainStep));
}
