/**
 * Low-discrepancy quantiles for pipeline-level draws (Roberts' R_d Kronecker sequence with a
 * seeded Cranley-Patterson shift). Any prefix of the sequence covers [0, 1)^d evenly, so the
 * heavy-tailed pipeline parameters (cadence, lifespan, topology) of a 300-pipeline corpus
 * match their distributions far more tightly than independent draws would, whatever N is.
 */
import { hash32 } from './random.ts';

const DIMENSIONS = 12;

/** The generalized golden ratio phi_d: the unique positive root of x^(d+1) = x + 1. */
function phi(d: number): number {
  let x = 2;
  for (let i = 0; i < 50; i++) x = (1 + x) ** (1 / (d + 1));
  return x;
}

const ALPHA = (() => {
  const g = phi(DIMENSIONS);
  return Array.from({ length: DIMENSIONS }, (_, j) => (1 / g ** (j + 1)) % 1);
})();

/** Quantile `dimension` (0..11) of pipeline `index` under `seed`, in [0, 1). */
export function pipelineQuantile(seed: number, index: number, dimension: number): number {
  const alpha = ALPHA[dimension];
  if (alpha === undefined) {
    throw new Error(`synth: pipelineQuantile: dimension must be below ${DIMENSIONS}`);
  }
  const shift = (hash32(seed, 0x51ed, dimension) >>> 0) / 0x1_0000_0000;
  // (index + 1) * alpha in double precision stays exact enough for millions of pipelines.
  const x = shift + (index + 1) * alpha;
  return x - Math.floor(x);
}
