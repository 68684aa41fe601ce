/**
 * Figure 7 (§3.3): share of total compute per operator group, with compute as in
 * executionCost; plus the post-trainer / pre-trainer compute ratio of §5.2.1.
 */
import type { ExecutionId } from '../ids.ts';
import { availability, type Figure7 } from './corpus-statistics.ts';
import { COST_SOURCES, type CostSource, costWithSource } from './execution-cost.ts';
import { addCounts, addInto } from './merge-counts.ts';
import { OPERATOR_GROUPS, type OperatorGroup, operatorGroup } from './operator-group.ts';
import type { Collector } from './pipeline-context.ts';

/** What figure 7's collector saves: seconds per operator group, cost sources, pre and post sums. */
interface Saved {
  readonly seconds: number[];
  readonly sources: Record<CostSource, number>;
  readonly pre: number;
  readonly post: number;
}

const NO_COMPUTE =
  'no execution records cpu_seconds or both start and end times, so no compute cost is known';

/**
 * Post-trainer executions are those in some graphlet's Down(trainer); pre-trainer ones are the
 * other non-trainer members of graphlets. Each execution counts once, however many graphlets
 * hold it (a span read by a rolling window of 30 trainings is ingested once).
 */
export function figure7Collector(): Collector<Figure7, Saved> {
  const index = new Map(OPERATOR_GROUPS.map((g, i) => [g, i]));
  const seconds = new Float64Array(OPERATOR_GROUPS.length);
  const sources = Object.fromEntries(COST_SOURCES.map((s) => [s, 0])) as Record<CostSource, number>;
  let pre = 0;
  let post = 0;
  return {
    add({ trace, view, graphlets }) {
      const cost = new Map<number, number>();
      for (const e of trace.executions) {
        const c = costWithSource(e);
        sources[c.source]++;
        seconds[index.get(operatorGroup(e.role))!]! += c.seconds;
        cost.set(e.id, c.seconds);
      }
      const side = new Map<ExecutionId, 'pre' | 'post'>();
      for (const g of graphlets) {
        for (const id of g.downstream) side.set(id, 'post');
      }
      for (const g of graphlets) {
        for (const id of g.executions) {
          if (id !== g.trainer && !side.has(id)) side.set(id, 'pre');
        }
      }
      for (const [id, where] of side) {
        if (view.execution(id)?.role === 'trainer') continue;
        if (where === 'post') post += cost.get(id) ?? 0;
        else pre += cost.get(id) ?? 0;
      }
    },
    save: () => ({ seconds: Array.from(seconds), sources: { ...sources }, pre, post }),
    merge(saved) {
      addInto(seconds, saved.seconds);
      addCounts(sources, saved.sources);
      pre += saved.pre;
      post += saved.post;
    },
    finish() {
      const total = seconds.reduce((a, b) => a + b, 0);
      const record = <T>(f: (i: number) => T) =>
        Object.fromEntries(OPERATOR_GROUPS.map((g, i) => [g, f(i)])) as Record<OperatorGroup, T>;
      return {
        ...availability(total > 0, NO_COMPUTE),
        cpuSeconds: total,
        secondsByGroup: record((i) => seconds[i] ?? 0),
        shares: record((i) => (total === 0 ? null : (seconds[i] ?? 0) / total)),
        validationShare:
          total === 0
            ? null
            : ((seconds[index.get('data_validation')!] ?? 0) +
                (seconds[index.get('model_validation')!] ?? 0)) /
              total,
        sources: { ...sources },
        postToPreRatio: pre > 0 ? post / pre : null,
      };
    },
  };
}
