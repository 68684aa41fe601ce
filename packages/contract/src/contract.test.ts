import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphletDetailSchema, GraphletParamsSchema } from './graphlets.ts';
import { StatsQuerySchema } from './stats.ts';
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
