/**
 * Corpus counts (§2.2): pipelines, graphlets, pushed and warm-start shares, node counts, period;
 * failed trainers counted apart, with the compute spent on them (docs/statistics.md).
 */
import type { ExecutionId } from '../ids.ts';
import type { CorpusSummary } from './corpus-statistics.ts';
import { costWithSource } from './execution-cost.ts';
import { addCounts, finiteOrNull } from './merge-counts.ts';
import type { Collector, PipelineContext } from './pipeline-context.ts';

const DAY_MS = 86_400_000;

/** Sums the corpus section adds up, pipeline by pipeline. */
interface Sums {
  pipelines: number;
  withGraphlets: number;
  graphlets: number;
  failed: number;
  pushed: number;
  executions: number;
  artifacts: number;
  events: number;
  warm: number;
  warmPipelineGraphlets: number;
  compute: number;
  failedCompute: number;
}

/** What the corpus collector saves: its sums, the largest trace and the timestamps' range. */
interface Saved {
  readonly sums: Sums;
  readonly maxNodes: number;
  readonly oldest: number | null;
  readonly newest: number | null;
}

/** Collects the `corpus` section. */
export function corpusSummaryCollector(): Collector<CorpusSummary, Saved> {
  const n: Sums = {
    pipelines: 0,
    withGraphlets: 0,
    graphlets: 0,
    failed: 0,
    pushed: 0,
    executions: 0,
    artifacts: 0,
    events: 0,
    warm: 0,
    warmPipelineGraphlets: 0,
    compute: 0,
    failedCompute: 0,
  };
  let maxNodes = 0;
  let oldest = Number.POSITIVE_INFINITY;
  let newest = Number.NEGATIVE_INFINITY;
  const see = (t: number | null | undefined) => {
    if (t === undefined || t === null || !Number.isFinite(t)) return;
    if (t < oldest) oldest = t;
    if (t > newest) newest = t;
  };
  const share = (k: number) => (n.graphlets === 0 ? null : k / n.graphlets);
  return {
    add(p) {
      const { trace, graphlets: gs } = p;
      n.pipelines++;
      if (gs.length > 0) n.withGraphlets++;
      n.graphlets += gs.length;
      n.failed += p.failedGraphlets.length;
      n.executions += trace.executions.length;
      n.artifacts += trace.artifacts.length;
      n.events += trace.events.length;
      maxNodes = Math.max(maxNodes, trace.executions.length + trace.artifacts.length);
      let warmHere = 0;
      for (const g of gs) {
        if (g.pushed) n.pushed++;
        if (g.warmStart) warmHere++;
      }
      n.warm += warmHere;
      if (warmHere > 0) n.warmPipelineGraphlets += gs.length;
      const onlyFailed = failedOnlyExecutions(p);
      for (const e of trace.executions) {
        const seconds = costWithSource(e).seconds;
        n.compute += seconds;
        if (onlyFailed.has(e.id)) n.failedCompute += seconds;
        see(e.startMs);
        see(e.endMs);
      }
      for (const a of trace.artifacts) see(a.createdMs);
    },
    save: () => ({
      sums: { ...n },
      maxNodes,
      oldest: finiteOrNull(oldest),
      newest: finiteOrNull(newest),
    }),
    merge(saved) {
      addCounts(n, saved.sums);
      maxNodes = Math.max(maxNodes, saved.maxNodes);
      see(saved.oldest);
      see(saved.newest);
    },
    finish: () => ({
      pipelines: n.pipelines,
      pipelinesWithGraphlets: n.withGraphlets,
      graphlets: n.graphlets + n.failed,
      completedGraphlets: n.graphlets,
      failedTrainerGraphlets: n.failed,
      pushedGraphlets: n.pushed,
      pushedShare: share(n.pushed),
      failedCompute: {
        cpuSeconds: n.failedCompute,
        share: n.compute > 0 ? n.failedCompute / n.compute : null,
      },
      executions: n.executions,
      artifacts: n.artifacts,
      events: n.events,
      maxTraceNodes: maxNodes,
      warmStartShare: share(n.warm),
      warmStartPipelineGraphletShare: share(n.warmPipelineGraphlets),
      periodDays: oldest === Number.POSITIVE_INFINITY ? null : (newest - oldest) / DAY_MS,
    }),
  };
}

/** Executions that belong to failed-trainer graphlets and to no completed one. */
function failedOnlyExecutions(p: PipelineContext): Set<ExecutionId> {
  const out = new Set<ExecutionId>();
  if (p.failedGraphlets.length === 0) return out;
  for (const g of p.failedGraphlets) for (const id of g.executions) out.add(id);
  for (const g of p.graphlets) for (const id of g.executions) out.delete(id);
  return out;
}
