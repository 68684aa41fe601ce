import { buildTraceGraph, segmentGraphlets, type Trace } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { MAX_TRACE_NODES } from './calibration.ts';
import { generateCorpus, generateCorpusPipeline } from './generate-corpus.ts';

const corpus = [...generateCorpus({ pipelines: 40, seed: 11 })];

function checkStructure(trace: Trace): void {
  const executions = new Set<number>(trace.executions.map((e) => e.id));
  const artifacts = new Set<number>(trace.artifacts.map((a) => a.id));
  expect(executions.size).toBe(trace.executions.length);
  expect(artifacts.size).toBe(trace.artifacts.length);
  const dangling = trace.events.filter(
    (ev) => !executions.has(ev.execution) || !artifacts.has(ev.artifact),
  );
  expect(dangling).toEqual([]);
  const start = new Map(trace.executions.map((e) => [e.id, e.startMs ?? 0]));
  const created = new Map(trace.artifacts.map((a) => [a.id, a.createdMs ?? 0]));
  // A consumer never starts before its input exists; nothing ends before it starts.
  const early = trace.events.filter(
    (ev) => ev.kind === 'input' && start.get(ev.execution)! < created.get(ev.artifact)!,
  );
  expect(early).toEqual([]);
  expect(trace.executions.filter((e) => !(e.endMs! >= e.startMs!))).toEqual([]);
  buildTraceGraph(trace); // throws on a cycle
}

describe('generateCorpus', () => {
  it('is deterministic and any pipeline can be regenerated alone', () => {
    const again = [...generateCorpus({ pipelines: 5, seed: 11 })];
    expect(again).toEqual(corpus.slice(0, 5));
    expect(generateCorpusPipeline(11, 17)).toEqual(corpus[17]);
    expect(generateCorpusPipeline(12, 0)).not.toEqual(corpus[0]);
  });

  it('writes valid DAGs whose graphlets each hold one trainer', () => {
    for (const trace of corpus) {
      checkStructure(trace);
      expect(trace.executions.length + trace.artifacts.length).toBeLessThanOrEqual(MAX_TRACE_NODES);
      const role = new Map(trace.executions.map((e) => [e.id, e.role]));
      const { graphlets } = segmentGraphlets(trace);
      expect(graphlets.length).toBeGreaterThanOrEqual(2);
      expect(graphlets.some((g) => g.pushed)).toBe(true);
      for (const g of graphlets) {
        expect(g.executions.filter((id) => role.get(id) === 'trainer')).toEqual([g.trainer]);
        expect(g.spans.length).toBeGreaterThan(0);
      }
    }
  });

  it('records the metadata the statistics read', () => {
    const trace = corpus.find((t) => t.executions.some((e) => e.type.endsWith('Transform')))!;
    const trainer = trace.executions.find((e) => e.role === 'trainer')!;
    expect(trainer.customProperties.model_type).toBeTypeOf('string');
    expect(trainer.customProperties.code_version).toMatch(/^[0-9a-f]{8}$/);
    const span = trace.artifacts.find((a) => a.customProperties.span !== undefined)!;
    expect(span.type).toBe('Examples');
    expect(span.customProperties.feature_statistics).toHaveProperty('features');
    for (const e of trace.executions) expect(e.customProperties.cpu_seconds).toBeTypeOf('number');
    const states = new Set(corpus.flatMap((t) => t.executions.map((e) => e.state)));
    expect([...states].sort()).toEqual(['cached', 'complete', 'failed']);
  });

  it('re-imports revised schemas, and each trainer reads the newest one (Figure 9(e))', () => {
    const DAY_MS = 86_400_000;
    let revised = 0;
    for (const trace of corpus) {
      const imports = trace.executions.filter((e) => e.type.endsWith('ImportSchemaGen'));
      if (imports.length === 0) continue;
      const producer = new Map(
        trace.events.filter((ev) => ev.kind === 'output').map((ev) => [ev.artifact, ev.execution]),
      );
      const startOf = new Map(imports.map((e) => [e.id, e.startMs!]));
      for (const trainer of trace.executions.filter((e) => e.role === 'trainer')) {
        const schema = trace.events.find(
          (ev) => ev.execution === trainer.id && ev.kind === 'input' && ev.key === 'schema',
        )!;
        const importedAt = startOf.get(producer.get(schema.artifact)!)!;
        const newest = Math.max(...[...startOf.values()].filter((t) => t <= trainer.startMs!));
        expect(importedAt).toBe(newest);
      }
      const startMs = trace.executions.map((e) => e.startMs!);
      const days = (Math.max(...startMs) - Math.min(...startMs)) / DAY_MS;
      if (days > 60) revised += imports.length > 1 ? 1 : 0;
    }
    expect(revised).toBeGreaterThan(0);
  });

  it('rejects bad options', () => {
    expect(() => [...generateCorpus({ pipelines: -1, seed: 1 })]).toThrow(/synth: pipelines/);
    expect(() => [...generateCorpus({ pipelines: 1, seed: 0.5 })]).toThrow(/synth: seed/);
  });
});
