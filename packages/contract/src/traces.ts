/** Traces: one pipeline's history each, listed with summaries and drawn as a laid-out graph. */
import { z } from 'zod';
import { idParamsSchema } from './id-params.ts';

export const TraceSummarySchema = z
  .object({
    /** `<source id>-<ordinal>`, ordinal from 1 in the order the reader returned the traces. */
    id: z.string().meta({ example: '3f2a9c0d41b7e655-1' }),
    pipeline: z.string(),
    sourceId: z.string(),
    sourceName: z.string(),
    executions: z.number().int(),
    artifacts: z.number().int(),
    /** Every graphlet, failed trainers included. */
    graphlets: z.number().int(),
    /** Graphlets whose trainer failed or was canceled: no model, so no push decision. */
    failedGraphlets: z.number().int(),
    /** Pushed graphlets / graphlets of completed trainers; null without any. */
    pushedShare: z.number().nullable(),
    /** Days between the oldest and newest timestamp in the trace (paper §3.1); null without times. */
    lifespanDays: z.number().nullable(),
    /** Graphlets / max(lifespan, 1 day), as Figure 3(b); null without timestamps. */
    modelsPerDay: z.number().nullable(),
    /** Summed execution cost in CPU seconds (recorded, else wall time). */
    computeSeconds: z.number(),
  })
  .meta({ id: 'TraceSummary' });
export type TraceSummary = z.infer<typeof TraceSummarySchema>;

export const TRACE_SORT_FIELDS = [
  'pipeline',
  'sourceName',
  'executions',
  'artifacts',
  'graphlets',
  'failedGraphlets',
  'pushedShare',
  'lifespanDays',
  'modelsPerDay',
  'computeSeconds',
] as const;
export type TraceSortField = (typeof TRACE_SORT_FIELDS)[number];

export const TraceListQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .meta({ description: 'Substring of the pipeline name (case-insensitive)' }),
  source: z.string().optional().meta({ description: 'Only traces of this source id' }),
  sort: z.enum(TRACE_SORT_FIELDS).optional().meta({ description: 'Sort field (default pipeline)' }),
  order: z.enum(['asc', 'desc']).optional(),
});

export const TraceListSchema = z
  .object({ traces: z.array(TraceSummarySchema) })
  .meta({ id: 'TraceList' });
export type TraceList = z.infer<typeof TraceListSchema>;

export const NODE_KINDS = ['execution', 'artifact'] as const;
export const EDGE_KINDS = ['input', 'output', 'reuse'] as const;

export const GraphNodeSchema = z
  .object({
    /** `e<MLMD execution id>` or `a<MLMD artifact id>`. */
    id: z.string().meta({ example: 'e12' }),
    kind: z.enum(NODE_KINDS),
    type: z.string(),
    role: z.string().optional(),
    name: z.string().optional(),
    /** A short drawing label: an execution's component, an artifact's type and short name. */
    label: z.string().optional(),
    state: z.string().optional(),
    /** An execution's start or an artifact's creation, ms since the epoch, when recorded. */
    timeMs: z.number().optional(),
    x: z.number(),
    y: z.number(),
    /** Trainer execution ids of the graphlets this node belongs to. */
    graphlets: z.array(z.number().int()),
  })
  .meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z
  .object({
    source: z.string(),
    target: z.string(),
    /**
     * input: artifact -> the execution that read it; output: execution -> the artifact it
     * produced; reuse: execution -> an artifact another execution produced earlier (an output
     * event that re-registers it, e.g. a cached re-run), core's "reuse link".
     */
    kind: z.enum(EDGE_KINDS),
  })
  .meta({ id: 'GraphEdge' });
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const TraceGraphSchema = z
  .object({ nodes: z.array(GraphNodeSchema), edges: z.array(GraphEdgeSchema) })
  .meta({ id: 'TraceGraph' });
export type TraceGraph = z.infer<typeof TraceGraphSchema>;

const PropertiesSchema = z.record(z.string(), z.unknown());

export const NodeLinkSchema = z.object({ node: z.string(), key: z.string().optional() });

export const NodeDetailSchema = z
  .object({
    id: z.string(),
    kind: z.enum(NODE_KINDS),
    type: z.string(),
    role: z.string().optional(),
    name: z.string().optional(),
    /** The pipeline node an execution ran as (MLMD's `node` context name). */
    node: z.string().optional(),
    state: z.string(),
    uri: z.string().optional(),
    startMs: z.number().optional(),
    endMs: z.number().optional(),
    createdMs: z.number().optional(),
    properties: PropertiesSchema,
    customProperties: PropertiesSchema,
    /** Incoming links: the artifacts an execution read, or the executions that wrote an artifact. */
    inputs: z.array(NodeLinkSchema),
    /** Outgoing links: the artifacts an execution wrote, or the executions that read an artifact. */
    outputs: z.array(NodeLinkSchema),
    graphlets: z.array(z.number().int()),
  })
  .meta({ id: 'NodeDetail' });
export type NodeDetail = z.infer<typeof NodeDetailSchema>;

export const TraceIdParamsSchema = idParamsSchema();

export const NodeParamsSchema = TraceIdParamsSchema.extend({
  nodeId: z
    .string()
    .regex(/^[ea]\d+$/, 'a node id is e<execution id> or a<artifact id>')
    .meta({ param: { name: 'nodeId', in: 'path' }, example: 'e12' }),
});
