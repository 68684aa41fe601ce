/** Figure 9(f) (§4.3.2): push likelihood per model type, the share of its graphlets that pushed. */
import { MODEL_TYPES, type ModelType } from '../metadata-keys.ts';
import { availability, type Figure9f } from './corpus-statistics.ts';
import { NO_MODEL_TYPE, NO_TRAINER } from './figure-3.ts';
import { addInto } from './merge-counts.ts';
import type { Collector } from './pipeline-context.ts';

/** What figure 9(f)'s collector saves: graphlets and pushes per model type, and all graphlets. */
interface Saved {
  readonly total: number[];
  readonly pushed: number[];
  readonly graphlets: number;
}

/** Likelihood is null for a model type without graphlets. */
export function figure9fCollector(): Collector<Figure9f, Saved> {
  const total = new Float64Array(MODEL_TYPES.length);
  const pushed = new Float64Array(MODEL_TYPES.length);
  let graphlets = 0;
  return {
    add(p) {
      graphlets += p.graphlets.length;
      p.graphlets.forEach((g, i) => {
        const t = p.modelTypes[i];
        if (t === undefined) return;
        const k = MODEL_TYPES.indexOf(t);
        total[k]! += 1;
        if (g.pushed) pushed[k]! += 1;
      });
    },
    save: () => ({ total: Array.from(total), pushed: Array.from(pushed), graphlets }),
    merge(saved) {
      addInto(total, saved.total);
      addInto(pushed, saved.pushed);
      graphlets += saved.graphlets;
    },
    finish() {
      const typed = total.reduce((a, b) => a + b, 0);
      return {
        ...availability(typed > 0, graphlets === 0 ? NO_TRAINER : NO_MODEL_TYPE),
        graphlets: Object.fromEntries(MODEL_TYPES.map((t, i) => [t, total[i] ?? 0])) as Record<
          ModelType,
          number
        >,
        likelihood: Object.fromEntries(
          MODEL_TYPES.map((t, i) => [t, total[i] ? (pushed[i] ?? 0) / (total[i] ?? 1) : null]),
        ) as Record<ModelType, number | null>,
      };
    },
  };
}
