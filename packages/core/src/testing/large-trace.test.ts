import { describe, expect, it } from 'vitest';
import { segmentGraphlets } from '../segment-graphlets.ts';
import { buildTraceGraph } from '../trace-graph.ts';
import { syntheticTraceForBench } from './large-trace.ts';

describe('syntheticTraceForBench', () => {
  const trace = syntheticTraceForBench(450);
  const byId = new Map(trace.executions.map((e) => [e.id as number, e]));

  it('is the size of the paper largest trace and deterministic', () => {
    const nodes = trace.executions.length + trace.artifacts.length;
    expect(nodes).toBeGreaterThan(6500);
    expect(nodes).toBeLessThan(7500);
    expect(trace.executions.filter((e) => e.role === 'trainer')).toHaveLength(450);
    expect(syntheticTraceForBench(450)).toEqual(trace);
  });

  it('segments into one graphlet per trainer with its own Evaluator and Pusher', () => {
    const { graphlets, note } = segmentGraphlets(trace, buildTraceGraph(trace));
    expect(note).toBeUndefined();
    expect(graphlets).toHaveLength(450);
    expect(new Set(graphlets.map((g) => g.trainer)).size).toBe(450);
    let failed = 0;
    for (const g of graphlets) {
      const roles = g.downstream.map((id) => byId.get(id)?.role);
      if (byId.get(g.trainer)?.state === 'failed') {
        failed++;
        expect(roles).toEqual([]);
      } else {
        // The Evaluator also reads an older baseline model, yet stays with its own model.
        expect(roles).toEqual(['model_validation', 'deployment']);
      }
      expect(g.spans.length).toBeGreaterThanOrEqual(1);
      // The 7-day window, plus the older span the reused schema was inferred from (rule a).
      expect(g.spans.length).toBeLessThanOrEqual(8);
      expect(g.executions.some((id) => byId.get(id)?.state === 'cached')).toBe(false);
    }
    expect(failed).toBeGreaterThan(0);
    const pushedShare = graphlets.filter((g) => g.pushed).length / graphlets.length;
    expect(pushedShare).toBeGreaterThan(0.15);
    expect(pushedShare).toBeLessThan(0.45);
    const warm = graphlets.filter((g) => g.warmStart).length;
    expect(warm).toBeGreaterThan(30);
    expect(warm).toBeLessThan(80);
  });
});
