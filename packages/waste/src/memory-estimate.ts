/**
 * What the waste experiment needs in memory, estimated before it starts from the graphlet count
 * (an upper bound such as the store's trainer executions), so a corpus too large for the memory
 * given fails at once with the figure it would need instead of crashing half-way. The figures
 * come from measured runs (docs/waste.md): fully grown trees hold ~0.3 nodes per training row.
 */
import { tableBytesPerRow } from '@graphlet/core';
import { WasteError } from './waste-error.ts';

const MB = 1024 * 1024;

/** What the estimate depends on. */
export interface WasteMemoryInput {
  /** Graphlet rows the table will hold (at most). */
  readonly rows: number;
  /** Feature columns of the table, and the most any trained variant uses. */
  readonly features: number;
  readonly variantFeatures: number;
  readonly trees: number;
  readonly threads: number;
  /** Forests held at once (1 when each is let go after its evaluation). */
  readonly forestsHeld: number;
  /** Extra bytes per tree node held beside the forest (a serialized copy: ~39). */
  readonly extraNodeBytes?: number | undefined;
  /** Bytes the host process may hold beside the run (a server's caches). */
  readonly extraProcessBytes?: number | undefined;
}

/** The estimate in bytes, by part. */
export interface WasteMemoryEstimate {
  readonly table: number;
  readonly training: number;
  readonly forests: number;
  readonly baseline: number;
  readonly total: number;
}

/** Fully grown trees on the paper's features: nodes per training row, with headroom. */
export const NODES_PER_TRAINING_ROW = 0.35;
/** A trained node (29 bytes) and its prediction code (20 bytes). */
const NODE_BYTES = 29 + 20;
/** The process with its modules loaded, and each worker thread. */
const PROCESS_BYTES = 160 * MB;
const WORKER_BYTES = 70 * MB;

/**
 * Bytes the experiment needs at its peak.
 * @example estimateWasteMemory({ rows: 431_634, features: 37, variantFeatures: 37, trees: 100, threads: 2, forestsHeld: 1 })
 */
export function estimateWasteMemory(input: WasteMemoryInput): WasteMemoryEstimate {
  const { rows, features, variantFeatures, trees, threads } = input;
  // Columns grow by doubling: up to twice the rows, plus one column's copy while growing.
  const capacity = 2 ** Math.ceil(Math.log2(Math.max(1024, rows)));
  const table = capacity * tableBytesPerRow(features) + capacity * 8;
  const trainRows = Math.ceil(0.8 * rows);
  const testRows = rows - trainRows;
  // Bins (made, then shared) and labels; per worker a tree's row, count and scratch arrays; the
  // test rows copied row-major in double precision, and their probabilities.
  const training =
    2 * trainRows * variantFeatures +
    2 * trainRows +
    threads * 12 * trainRows +
    testRows * (8 * variantFeatures + 32);
  const nodeBytes = NODE_BYTES + (input.extraNodeBytes ?? 0);
  const forests =
    Math.max(1, input.forestsHeld) * trees * NODES_PER_TRAINING_ROW * trainRows * nodeBytes;
  const baseline = PROCESS_BYTES + threads * WORKER_BYTES + (input.extraProcessBytes ?? 0);
  return { table, training, forests, baseline, total: table + training + forests + baseline };
}

/** Megabytes, rounded up, for messages. */
export function megabytes(bytes: number): number {
  return Math.ceil(bytes / MB);
}

/**
 * Throws WasteError('too_large') when the estimate exceeds `limit` bytes, naming both figures
 * and where the memory goes.
 */
export function checkMemory(estimate: WasteMemoryEstimate, limit: number, setting: string): void {
  if (estimate.total <= limit) return;
  const parts = `table ${megabytes(estimate.table)} MB, training ${megabytes(estimate.training)} MB, forests ${megabytes(estimate.forests)} MB, process ${megabytes(estimate.baseline)} MB`;
  throw new WasteError(
    'too_large',
    `this corpus needs about ${megabytes(estimate.total)} MB (${parts}), more than the ${megabytes(limit)} MB of ${setting}; raise it, or train fewer trees or on fewer pipelines`,
  );
}

/** Parses a size such as `2G`, `1536M`, `500000K` or a byte count; undefined when malformed. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)i?B?\s*$/i.exec(text);
  if (match === null) return undefined;
  const unit = { '': 1, K: 1024, M: MB, G: 1024 * MB, T: 1024 * 1024 * MB }[
    match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G' | 'T'
  ];
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes > 0 ? bytes : undefined;
}
