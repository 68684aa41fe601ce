/** Model graphlets of a trace (paper §4.1), ids as in `cli segment --json`: raw MLMD ids. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { GraphEdgeSchema, GraphNodeSchema, TraceIdParamsSchema } from './traces.ts';
import { GraphletPushPredictionSchema } from './waste.ts';

export const GraphletMetricsSchema = z
  .object({
    executions: z.number().int(),
    artifacts: z.number().int(),
    spans: z.number().int(),
    /** Summed execution cost of the graphlet's executions, CPU seconds. */
    computeSeconds: z.number(),
    /** endMs - startMs when both are known. */
    durationMs: z.number().nullable(),
  })
  .openapi('GraphletMetrics');

export const GraphletSchema = z
  .object({
    trainer: z.number().int(),
    index: z.number().int(),
    executions: z.array(z.number().int()),
    artifacts: z.array(z.number().int()),
    spans: z.array(z.number().int()),
    downstream: z.array(z.number().int()),
    warmStart: z.boolean(),
    pushed: z.boolean(),
    startMs: z.number().nullable(),
    endMs: z.number().nullable(),
    metrics: GraphletMetricsSchema,
  })
  .openapi('Graphlet');
export type GraphletDocument = z.infer<typeof GraphletSchema>;

export const GraphletListSchema = z
  .object({
    graphlets: z.array(GraphletSchema),
    /** Why there are none, e.g. a trace without a trainer. */
    note: z.string().optional(),
  })
  .openapi('GraphletList');
export type GraphletList = z.infer<typeof GraphletListSchema>;

export const GraphletDetailSchema = z
  .object({
    graphlet: GraphletSchema,
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
    /** The waste classifier's features of this graphlet (paper §5.2.1) by name; null when missing. */
    features: z.record(z.string(), z.number().nullable()),
    /** Trainer id of the graphlet before / after this one in the pipeline, by index. */
    previous: z.number().int().nullable(),
    next: z.number().int().nullable(),
    /** The newest waste model's push probability for this graphlet; absent before any model exists. */
    pushProbability: z.number().optional(),
    /** Which model and variant gave `pushProbability`, and whether the graphlet was in its test set. */
    pushPrediction: GraphletPushPredictionSchema.optional(),
  })
  .openapi('GraphletDetail');
export type GraphletDetail = z.infer<typeof GraphletDetailSchema>;

export const GraphletParamsSchema = TraceIdParamsSchema.extend({
  trainer: z.coerce
    .number()
    .int()
    .nonnegative()
    .openapi({ param: { name: 'trainer', in: 'path' }, example: 12 }),
});

export const listGraphletsRoute = createRoute({
  method: 'get',
  path: '/traces/{id}/graphlets',
  tags: ['graphlets'],
  summary: "A trace's graphlets with their metrics, in index order",
  request: { params: TraceIdParamsSchema },
  responses: {
    200: {
      description: 'The graphlets',
      content: { 'application/json': { schema: GraphletListSchema } },
    },
    404: errorResponse('No such trace'),
  },
});

export const getGraphletRoute = createRoute({
  method: 'get',
  path: '/traces/{id}/graphlets/{trainer}',
  tags: ['graphlets'],
  summary: 'One graphlet as a subgraph with metrics and its neighbours',
  request: { params: GraphletParamsSchema },
  responses: {
    200: {
      description: 'The graphlet',
      content: { 'application/json': { schema: GraphletDetailSchema } },
    },
    400: errorResponse('Trainer id is not a number'),
    404: errorResponse('No such trace or graphlet'),
  },
});
