/** Small sampling helpers over an Rng: uniform, normal, lognormal, Poisson, geometric, categorical. */
import type { Rng } from './random.ts';

/** Uniform float in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.float();
}

/** Uniform integer in [lo, hi] (both inclusive). */
export function uniformInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.float() * (hi - lo + 1));
}

/** True with probability p. */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng.float() < p;
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    throw new Error(`synth: normalQuantile: p must be in [0, 1], got ${p}`);
  }
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269];
  const a4 = -30.66479806614716;
  const a5 = 2.506628277459239;
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b4 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c4 = 4.374664141464968;
  const c5 = 2.938163982698783;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lowTail = 0.02425;
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c4) * q + c5) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < lowTail) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - lowTail) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a4) * r + a5) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b4) * r + 1)
  );
}

/** Normal(mean, sd) by the Box-Muller transform. */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  const u = 1 - rng.float();
  const v = rng.float();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Lognormal with the given median and log-scale sigma. */
export function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(normal(rng, 0, sigma));
}

/** Poisson(lambda): Knuth's product method below 30, a rounded normal approximation above. */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = rng.float();
  while (product > limit) {
    k++;
    product *= rng.float();
  }
  return k;
}

/** Failures before the first success of a Bernoulli(p) sequence (mean (1 - p) / p). */
export function geometric(rng: Rng, p: number): number {
  if (!(p > 0 && p <= 1)) throw new Error(`synth: geometric: p must be in (0, 1], got ${p}`);
  if (p === 1) return 0;
  return Math.floor(Math.log(1 - rng.float()) / Math.log(1 - p));
}

/** Index drawn with probability proportional to `weights` (uses `u` when given, else the rng). */
export function categorical(rng: Rng | undefined, weights: readonly number[], u?: number): number {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) throw new Error('synth: categorical: weights must have a positive sum');
  let x = (u ?? rng?.float() ?? 0) * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i] ?? 0;
    if (x < 0) return i;
  }
  return weights.length - 1;
}
