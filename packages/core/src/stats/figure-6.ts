/** Figure 6 (§3.3): share of pipelines containing at least one execution of each operator group. */
import { availability, type Figure6 } from './corpus-statistics.ts';
import { addInto } from './merge-counts.ts';
import { OPERATOR_GROUPS, type OperatorGroup, operatorGroup } from './operator-group.ts';
import type { Collector } from './pipeline-context.ts';

/** What figure 6's collector saves: pipelines containing each operator group, and all pipelines. */
interface Saved {
  readonly containing: number[];
  readonly pipelines: number;
}

/** Counts each pipeline once per group it contains. */
export function figure6Collector(): Collector<Figure6, Saved> {
  const index = new Map(OPERATOR_GROUPS.map((g, i) => [g, i]));
  const containing = new Float64Array(OPERATOR_GROUPS.length);
  const seen = new Uint8Array(OPERATOR_GROUPS.length);
  let pipelines = 0;
  return {
    add({ trace }) {
      pipelines++;
      seen.fill(0);
      for (const e of trace.executions) seen[index.get(operatorGroup(e.role))!] = 1;
      for (let i = 0; i < seen.length; i++) containing[i]! += seen[i] ?? 0;
    },
    save: () => ({ containing: Array.from(containing), pipelines }),
    merge(saved) {
      addInto(containing, saved.containing);
      pipelines += saved.pipelines;
    },
    finish: () => ({
      ...availability(pipelines > 0, 'the corpus has no pipeline'),
      pipelines,
      shares: Object.fromEntries(
        OPERATOR_GROUPS.map((g, i) => [
          g,
          pipelines === 0 ? null : (containing[i] ?? 0) / pipelines,
        ]),
      ) as Record<OperatorGroup, number | null>,
    }),
  };
}
