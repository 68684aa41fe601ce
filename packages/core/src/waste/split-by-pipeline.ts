import { TraceError } from '../trace-error.ts';
/**
 * Train/test split by pipeline (§5.2.2): every graphlet of a pipeline lands on the same side;
 * ~80% of the graphlets train, and the pushed share stays about the same on both sides. Seeded
 * greedy assignment of shuffled pipelines that tracks both the graphlet and the pushed count.
 */

/** Per-row pipeline index and label, as in WasteFeatureTable. */
export interface SplittableTable {
  readonly nRows: number;
  readonly pipelines: readonly string[];
  readonly pipeline: Int32Array;
  readonly pushed: Uint8Array;
}

/** Rows on each side, ascending. */
export interface PipelineSplit {
  readonly train: Int32Array;
  readonly test: Int32Array;
  /** Per row: 1 for a training row. */
  readonly isTrain: Uint8Array;
  readonly trainPipelines: number;
  readonly testPipelines: number;
}

export interface SplitOptions {
  /** Target share of graphlets in training (default 0.8). */
  readonly trainShare?: number;
  /** Seed of the pipeline shuffle (default 0). */
  readonly seed?: number;
}

/**
 * Splits rows by pipeline. Pipelines are shuffled (seeded), then each goes to the side that keeps
 * the running graphlet and pushed counts closest to trainShare of those seen so far (distances
 * relative to the corpus totals). With two or more pipelines neither side is left empty.
 * @example splitByPipeline(table, { seed: 1 }).train
 */
export function splitByPipeline(table: SplittableTable, options: SplitOptions = {}): PipelineSplit {
  const share = options.trainShare ?? 0.8;
  const seed = options.seed ?? 0;
  if (!(share > 0 && share < 1))
    throw new TraceError(
      'invalid_argument',
      'waste',
      `trainShare must be in (0, 1) (got ${share})`,
    );
  if (!Number.isInteger(seed))
    throw new TraceError('invalid_argument', 'waste', `seed must be an integer (got ${seed})`);
  const nP = table.pipelines.length;
  const count = new Float64Array(nP);
  const pushed = new Float64Array(nP);
  for (let r = 0; r < table.nRows; r++) {
    const p = table.pipeline[r]!;
    count[p]! += 1;
    pushed[p]! += table.pushed[r]!;
  }
  let totalN = 0;
  let totalP = 0;
  for (let p = 0; p < nP; p++) {
    totalN += count[p]!;
    totalP += pushed[p]!;
  }
  const order = shuffled(nP, seed);
  const side = new Uint8Array(nP);
  let seenN = 0;
  let seenP = 0;
  let trainN = 0;
  let trainP = 0;
  const distance = (n: number, p: number) =>
    Math.abs(n - share * seenN) / Math.max(1, totalN) +
    (totalP === 0 ? 0 : Math.abs(p - share * seenP) / totalP);
  for (const p of order) {
    const n = count[p]!;
    const k = pushed[p]!;
    seenN += n;
    seenP += k;
    if (distance(trainN + n, trainP + k) <= distance(trainN, trainP)) {
      side[p] = 1;
      trainN += n;
      trainP += k;
    }
  }
  fixEmptySide(side, count, share, totalN);
  const isTrain = new Uint8Array(table.nRows);
  let nTrain = 0;
  for (let r = 0; r < table.nRows; r++) {
    isTrain[r] = side[table.pipeline[r]!]!;
    nTrain += isTrain[r]!;
  }
  const train = new Int32Array(nTrain);
  const test = new Int32Array(table.nRows - nTrain);
  for (let r = 0, a = 0, b = 0; r < table.nRows; r++) {
    if (isTrain[r] === 1) train[a++] = r;
    else test[b++] = r;
  }
  let trainPipelines = 0;
  for (let p = 0; p < nP; p++) trainPipelines += side[p]!;
  return { train, test, isTrain, trainPipelines, testPipelines: nP - trainPipelines };
}

/** With >= 2 pipelines (with rows), moves the pipeline closest to the missing side's target over. */
function fixEmptySide(side: Uint8Array, count: Float64Array, share: number, total: number): void {
  const withRows: number[] = [];
  for (let p = 0; p < side.length; p++) if (count[p]! > 0) withRows.push(p);
  if (withRows.length < 2) return;
  const inTrain = withRows.filter((p) => side[p] === 1).length;
  if (inTrain !== 0 && inTrain !== withRows.length) return;
  const target = (inTrain === 0 ? share : 1 - share) * total;
  let best = withRows[0]!;
  for (const p of withRows) {
    if (Math.abs(count[p]! - target) < Math.abs(count[best]! - target)) best = p;
  }
  side[best] = inTrain === 0 ? 1 : 0;
}

/** 0..n-1 in a seeded random order (Fisher-Yates over splitmix32). */
function shuffled(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = next() % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}
