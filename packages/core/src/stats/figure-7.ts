/**
 * Figure 7 (§3.3): share of total compute per operator group, with compute as in
 * executionCost; plus the post-trainer / pre-trainer compute ratio of §5.2.1.
 */
import { availability, type Figure7 } from './corpus-statistics.ts';
import { type CostSource, costWithSource } from './execution-cost.ts';
import { OPERATOR_GROUPS, type OperatorGroup, operatorGroup } from './operator-group.ts';
import type { Collector } from './pipeline-context.ts';

const NO_COMPUTE =
  'no execution records cpu_seconds or both start and end times, so no compute cost is known';

/**
 * Pre-trainer executions of a graphlet are its executions minus the trainer and Down(trainer);
 * the ratio sums both sides over all graphlets (overlapping graphlets count shared work twice).
 */
export function figure7Collector(): Collector<Figure7> {
  const index = new Map(OPERATOR_GROUPS.map((g, i) => [g, i]));
  const seconds = new Float64Array(OPERATOR_GROUPS.length);
  const sources: Record<CostSource, number> = { recorded: 0, duration: 0, cached: 0, unknown: 0 };
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
      for (const g of graphlets) {
        const down = new Set<number>(g.downstream);
        for (const id of g.executions) {
          if (id === g.trainer || view.execution(id) === undefined) continue;
          const c = cost.get(id) ?? 0;
          if (down.has(id)) post += c;
          else pre += c;
        }
      }
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
