import { buildTraceGraph, TraceBuilder } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { LANE_Y, layoutTrace, STEP_X } from './layout-trace.ts';

describe('layoutTrace', () => {
  const b = new TraceBuilder('p');
  const gen = b.execution('ExampleGen', { startMs: 0, endMs: 10 });
  const span = b.output(gen, 'Examples');
  const schema = b.artifact('Schema'); // imported: no producer
  const t1 = b.execution('Trainer', { startMs: 20, endMs: 100, inputs: [span, schema] });
  const model = b.output(t1, 'Model');
  const t2 = b.execution('Trainer', { startMs: 30, endMs: 90, inputs: [span] }); // overlaps t1
  b.output(t2, 'Model');
  const push = b.execution('Pusher', { startMs: 200, inputs: [model] });
  b.link(push, model, 'output'); // re-registers the model: a reuse link
  const trace = b.build();
  const graph = buildTraceGraph(trace);
  const doc = layoutTrace(graph, [
    { trainer: t1, executions: [gen, t1], artifacts: [span, schema, model] },
    { trainer: t2, executions: [gen, t2], artifacts: [span] },
  ]);
  const at = (id: string) => doc.nodes.find((n) => n.id === id)!;

  it('puts executions at their start-time rank, in role lanes, overlapping ones a row apart', () => {
    expect(doc.nodes.map((n) => n.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'a1', 'a2', 'a3', 'a4']);
    expect([at('e1').x, at('e2').x, at('e3').x, at('e4').x]).toEqual([
      0,
      STEP_X,
      2 * STEP_X,
      3 * STEP_X,
    ]);
    expect(at('e2').y).toBe(4 * LANE_Y); // trainer is the fifth role
    expect(at('e3').y).toBeGreaterThan(at('e2').y);
    expect(at('e3').y).toBeLessThan(5 * LANE_Y);
  });

  it('places artifacts beside their producer, or before their first consumer', () => {
    expect(at('a1').x).toBe(at('e1').x + STEP_X / 2);
    expect(at('a3').x).toBe(at('e2').x + STEP_X / 2);
    expect(at('a2').x).toBe(at('e2').x - STEP_X / 2);
    expect(new Set(doc.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(doc.nodes.length);
  });

  it('records graphlet membership and typed edges', () => {
    expect(at('e1').graphlets).toEqual([t1, t2]);
    expect(at('e4').graphlets).toEqual([]);
    expect(at('e2')).toMatchObject({
      kind: 'execution',
      role: 'trainer',
      type: 'Trainer',
      state: 'complete',
      label: 'Trainer',
      timeMs: 20,
    });
    expect(at('a1')).toMatchObject({ kind: 'artifact', label: 'Examples' });
    expect(doc.edges).toContainEqual({ source: 'a1', target: 'e2', kind: 'input' });
    expect(doc.edges).toContainEqual({ source: 'e2', target: 'a3', kind: 'output' });
    expect(doc.edges).toContainEqual({ source: 'e4', target: 'a3', kind: 'reuse' });
    expect(doc.edges).toHaveLength(trace.events.length);
  });
});
