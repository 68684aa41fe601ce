import {
  type CorpusStatistics,
  computeStatistics,
  PAPER_CLAIMS,
  PAPER_TARGETS,
  segmentGraphlets,
  TraceBuilder,
} from '@graphlet/core';
import { failedTrainersTrace } from '@graphlet/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { GraphletDetailSchema, GraphletParamsSchema } from './graphlets.ts';
import { CorpusStatisticsSchema, StatsQuerySchema, StatsSchema } from './stats.ts';
import { NodeParamsSchema, TraceListQuerySchema } from './traces.ts';

describe('contract schemas', () => {
  it('accepts node ids e<n> and a<n> only', () => {
    expect(NodeParamsSchema.safeParse({ id: 't', nodeId: 'e12' }).success).toBe(true);
    expect(NodeParamsSchema.safeParse({ id: 't', nodeId: 'a0' }).success).toBe(true);
    expect(NodeParamsSchema.safeParse({ id: 't', nodeId: 'x12' }).success).toBe(false);
    expect(NodeParamsSchema.safeParse({ id: 't', nodeId: 'e' }).success).toBe(false);
  });

  it('coerces trainer ids and rejects non-numbers', () => {
    expect(GraphletParamsSchema.parse({ id: 't', trainer: '7' }).trainer).toBe(7);
    expect(GraphletParamsSchema.safeParse({ id: 't', trainer: 'seven' }).success).toBe(false);
  });

  it('reads a comma-separated trace list and rejects empty members', () => {
    expect(StatsQuerySchema.safeParse({ traces: 'a-1,b-2' }).success).toBe(true);
    expect(StatsQuerySchema.safeParse({ traces: 'a-1,,b-2' }).success).toBe(false);
    expect(StatsQuerySchema.safeParse({}).success).toBe(true);
  });

  it('limits sort fields and orders', () => {
    expect(TraceListQuerySchema.safeParse({ sort: 'graphlets', order: 'desc' }).success).toBe(true);
    expect(TraceListQuerySchema.safeParse({ sort: 'size' }).success).toBe(false);
    expect(TraceListQuerySchema.safeParse({ order: 'up' }).success).toBe(false);
  });
});

describe('contract metadata', () => {
  it('names OpenAPI components through zod metadata', () => {
    expect(z.globalRegistry.get(GraphletDetailSchema)?.id).toBe('GraphletDetail');
  });
});

/** `T` with every property and array read-only, so zod's mutable output compares with core's types. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A pipeline of two trainings on one span (the first pushed): a document with values in every section. */
function tinyStatistics(): CorpusStatistics {
  const b = new TraceBuilder('tiny');
  const hour = 3_600_000;
  const gen = b.execution('CsvExampleGen', { startMs: 0, endMs: hour });
  const span = b.output(gen, 'Examples', 'examples', { createdMs: hour, properties: { span: 1 } });
  const trainer = (start: number, modelType: string, code: string) =>
    b.execution('Trainer', {
      startMs: start * hour,
      endMs: (start + 2) * hour,
      properties: { model_type: modelType, code_version: code },
      inputs: [span],
    });
  const first = trainer(1, 'DNN', 'a');
  const model = b.output(first, 'Model', 'model', { createdMs: 3 * hour });
  const pusher = b.execution('Pusher', { startMs: 3 * hour, endMs: 4 * hour, inputs: [model] });
  b.output(pusher, 'PushedModel', 'pushed_model', { createdMs: 4 * hour });
  const second = trainer(30, 'Linear', 'b');
  b.output(second, 'Model', 'model', { createdMs: 32 * hour });
  const trace = b.build();
  return computeStatistics([{ trace, graphlets: segmentGraphlets(trace).graphlets }]);
}

describe('the statistics schema', () => {
  it("has exactly core's CorpusStatistics as its type", () => {
    expectTypeOf<DeepReadonly<z.infer<typeof CorpusStatisticsSchema>>>().toEqualTypeOf<
      DeepReadonly<CorpusStatistics>
    >();
  });

  it('accepts statistics of a store with failed trainers, counted apart', () => {
    const trace = failedTrainersTrace();
    const stats = computeStatistics([{ trace, graphlets: segmentGraphlets(trace).graphlets }]);
    expect(CorpusStatisticsSchema.parse(stats)).toEqual(stats);
    expect(stats.corpus.failedTrainerGraphlets).toBe(4);
    expect(stats.corpus.failedCompute.cpuSeconds).toBeGreaterThan(0);
  });

  it("accepts what core's statistics produce, with the paper's numbers beside them", () => {
    const stats = tinyStatistics();
    expect(stats.corpus.graphlets).toBe(2);
    expect(CorpusStatisticsSchema.parse(stats)).toEqual(stats);
    const answer = { ...stats, paper: PAPER_TARGETS, paperClaims: PAPER_CLAIMS };
    expect(StatsSchema.parse(answer)).toEqual(answer);
  });

  it('rejects a document with a statistic missing, misspelt or of the wrong type', () => {
    const json = JSON.stringify(tinyStatistics());
    // biome-ignore lint/suspicious/noExplicitAny: the test edits the document at arbitrary paths
    const copy = (): any => JSON.parse(json);
    const without = copy();
    delete without.figures['9d'].pushed;
    expect(CorpusStatisticsSchema.safeParse(without).success).toBe(false);
    const extra = copy();
    extra.figures['7'].sources.guessed = 1;
    expect(CorpusStatisticsSchema.safeParse(extra).success).toBe(false);
    const renamed = copy();
    renamed.corpus.pushed = renamed.corpus.pushedGraphlets;
    delete renamed.corpus.pushedGraphlets;
    expect(CorpusStatisticsSchema.safeParse(renamed).success).toBe(false);
    const wrongType = copy();
    wrongType.figures['3a'].histogram.counts[0] = 'many';
    expect(CorpusStatisticsSchema.safeParse(wrongType).success).toBe(false);
    const missingClass = copy();
    delete missingClass.figures['3d'].byClass.Rest;
    expect(CorpusStatisticsSchema.safeParse(missingClass).success).toBe(false);
  });
});
