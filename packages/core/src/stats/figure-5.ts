/** Figure 5 (§3.2): share of Trainer runs (graphlets) by model type. */
import { MODEL_TYPES, type ModelType } from '../metadata-keys.ts';
import { availability, type Figure5 } from './corpus-statistics.ts';
import { NO_MODEL_TYPE, NO_TRAINER } from './figure-3.ts';
import { addInto } from './merge-counts.ts';
import type { Collector } from './pipeline-context.ts';

/** What figure 5's collector saves: trainer runs per model type (MODEL_TYPES order) and totals. */
interface Saved {
  readonly counts: number[];
  readonly trainers: number;
  readonly typed: number;
}

/** Shares are over the trainer runs that record a model type; `trainersWithType` says how many. */
export function figure5Collector(): Collector<Figure5, Saved> {
  const counts = new Float64Array(MODEL_TYPES.length);
  let trainers = 0;
  let typed = 0;
  return {
    add(p) {
      trainers += p.graphlets.length;
      for (const t of p.modelTypes) {
        if (t === undefined) continue;
        typed++;
        counts[MODEL_TYPES.indexOf(t)]! += 1;
      }
    },
    save: () => ({ counts: Array.from(counts), trainers, typed }),
    merge(saved) {
      addInto(counts, saved.counts);
      trainers += saved.trainers;
      typed += saved.typed;
    },
    finish() {
      const record = <T>(f: (i: number) => T) =>
        Object.fromEntries(MODEL_TYPES.map((t, i) => [t, f(i)])) as Record<ModelType, T>;
      return {
        ...availability(typed > 0, trainers === 0 ? NO_TRAINER : NO_MODEL_TYPE),
        trainers,
        trainersWithType: typed,
        counts: record((i) => counts[i] ?? 0),
        shares: record((i) => (typed === 0 ? null : (counts[i] ?? 0) / typed)),
      };
    },
  };
}
