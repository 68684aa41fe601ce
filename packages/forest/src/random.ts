// Kept beside synth's pure-rand generator: forest stays dependency-free and seeds each tree alone (treeSeed) so any worker thread trains any tree; merging the two would change every seeded model and corpus.
// Seeded pseudo-random numbers: splitmix32 (a 32-bit variant of Steele, Lea and Flood's SplitMix,
// constants from Chris Wellons' "hash prospector"). Small, fast, and good enough to draw bootstraps
// and feature orders; not for cryptography.

/** A generator of uniformly distributed 32-bit unsigned integers. */
export type Random = () => number;

/** Mixes a 32-bit value into a well-scrambled 32-bit unsigned integer (splitmix32's output step). */
export function mix32(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** Returns a splitmix32 generator of 32-bit unsigned integers seeded by `seed`. */
export function splitmix32(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return mix32(state);
  };
}

/** Uniform integer in [0, n) from a generator (n at most 2^32; bias below 2^-11 for n < 2^21). */
export function randomBelow(random: Random, n: number): number {
  return Math.floor((random() / 4294967296) * n);
}

/** The seed of tree `index` in a forest seeded by `seed`: depends on nothing else, so any thread can train any tree. */
export function treeSeed(seed: number, index: number): number {
  return mix32(mix32(seed ^ 0x5bd1e995) + Math.imul(index + 1, 0x9e3779b9));
}
