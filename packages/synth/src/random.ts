// Kept beside forest's splitmix32: the generator needs pure-rand's long-period xoroshiro128+ streams per (seed, stream, pipeline); merging the two would change every seeded corpus and model.
/**
 * Seeded randomness for the generator: xoroshiro128+ (pure-rand) seeded per (seed, stream,
 * index) through a SplitMix-style hash, so any pipeline can be regenerated alone and the first
 * pipelines of a corpus do not depend on how many follow.
 */

import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** A source of uniform floats in [0, 1). */
export interface Rng {
  /** The next float, uniform in [0, 1). */
  float(): number;
}

const TWO_POW_32 = 0x1_0000_0000;

/** Mixes 32-bit words into one well-spread 32-bit word (murmur3 finalizer over a running sum). */
export function hash32(...words: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const w of words) {
    h = Math.imul(h ^ (w | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + 0x6d2b79f5) | 0;
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}

class XoroshiroRng implements Rng {
  private readonly gen: RandomGenerator;
  constructor(gen: RandomGenerator) {
    this.gen = gen;
  }
  float(): number {
    // One 32-bit draw per float: plenty of resolution for a simulation, and twice as fast.
    return (this.gen.next() >>> 0) / TWO_POW_32;
  }
}

/** A generator for stream `stream` of item `index` under `seed`; equal arguments, equal sequence. */
export function seededRng(seed: number, stream: number, index: number): Rng {
  const state: number[] = [0, 1, 2, 3].map((k) => hash32(seed, stream, index, k));
  if (!state.some((s) => s !== 0)) state[0] = 1;
  return new XoroshiroRng(xoroshiro128plusFromState(state));
}
