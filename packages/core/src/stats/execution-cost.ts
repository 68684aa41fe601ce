/** Compute cost of one execution, the unit of Figures 7 and 9(d). */
import { CPU_SECONDS } from '../metadata-keys.ts';
import { type Execution, propertyOf } from '../trace.ts';

/**
 * Cost in CPU seconds: 0 for a cached execution (it did no work), else its recorded
 * `cpu_seconds` property, else its wall-clock duration (end - start) in seconds, else 0.
 */
export function executionCost(execution: Execution): number {
  return costWithSource(execution).seconds;
}

/** Where a cost came from, for reports on how much of the compute was measured. */
export const COST_SOURCES = ['recorded', 'duration', 'cached', 'unknown'] as const;
export type CostSource = (typeof COST_SOURCES)[number];

/** The cost of an execution and where it came from (see executionCost). */
export function costWithSource(execution: Execution): { seconds: number; source: CostSource } {
  if (execution.state === 'cached') return { seconds: 0, source: 'cached' };
  const recorded = toNumber(propertyOf(execution, CPU_SECONDS));
  if (recorded !== undefined && recorded >= 0) return { seconds: recorded, source: 'recorded' };
  const { startMs, endMs } = execution;
  if (startMs !== undefined && endMs !== undefined && endMs >= startMs) {
    return { seconds: (endMs - startMs) / 1000, source: 'duration' };
  }
  return { seconds: 0, source: 'unknown' };
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}
