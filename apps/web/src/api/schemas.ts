/**
 * Response schemas for the API, written against the "minimum API contract" of issue 6 until
 * packages/contract exports its own. Lenient on purpose: unknown fields pass, optional fields
 * the server may add later are read when present.
 */
import { z } from 'zod';

/** Ids may arrive as numbers or strings; the app keeps them as strings. */
export const id = z.union([z.string(), z.number()]).transform(String);
const optionalNumber = z
  .number()
  .nullish()
  .transform((v) => v ?? undefined);

export const errorShape = z.union([
  z.string(),
  z.object({ code: z.string().optional(), message: z.string() }).loose(),
]);

export const jobProgress = z
  .object({
    bytes: optionalNumber,
    totalBytes: optionalNumber,
    traces: optionalNumber,
    graphlets: optionalNumber,
    phase: z.string().optional(),
  })
  .loose();
export type JobProgress = z.infer<typeof jobProgress>;

export const jobStatus = z
  .object({
    id: id.optional(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    progress: jobProgress.prefault({}),
    error: errorShape.nullish(),
  })
  .loose();
export type JobStatus = z.infer<typeof jobStatus>;

export const uploadAccepted = z
  .object({ source: z.object({ id }).loose(), job: z.object({ id }).loose().nullish() })
  .loose();
export type UploadAccepted = z.infer<typeof uploadAccepted>;

export const source = z
  .object({
    id,
    name: z.string().optional(),
    fileName: z.string().optional(),
    format: z.string().optional(),
    traces: optionalNumber,
    bytes: optionalNumber,
    createdAt: z.union([z.string(), z.number()]).optional(),
  })
  .loose();
export type Source = z.infer<typeof source>;
export const sourceList = z.object({ sources: z.array(source) }).loose();

export const traceSummary = z
  .object({
    id,
    pipeline: z.string(),
    sourceId: id,
    sourceName: z.string().optional(),
    executions: z.number(),
    artifacts: z.number(),
    graphlets: z.number(),
    pushedShare: optionalNumber,
    lifespanDays: optionalNumber,
    lifespanMs: optionalNumber,
    modelsPerDay: optionalNumber,
    compute: optionalNumber,
    computeHours: optionalNumber,
  })
  .loose();
export type TraceSummary = z.infer<typeof traceSummary>;
export const traceList = z.object({ traces: z.array(traceSummary) }).loose();

export const traceNode = z
  .object({
    id,
    kind: z.enum(['execution', 'artifact']),
    type: z.string(),
    name: z.string().nullish(),
    role: z.string().nullish(),
    state: z.string().nullish(),
    x: z.number(),
    y: z.number(),
    startMs: optionalNumber,
    endMs: optionalNumber,
    createdMs: optionalNumber,
    graphlets: z.array(id).default([]),
  })
  .loose();
export type TraceNode = z.infer<typeof traceNode>;

export const traceEdge = z
  .object({ source: id, target: id, kind: z.enum(['input', 'output', 'reuse']).catch('input') })
  .loose();
export type TraceEdge = z.infer<typeof traceEdge>;

export const traceGraph = z
  .object({
    id: id.optional(),
    pipeline: z.string().optional(),
    nodes: z.array(traceNode),
    edges: z.array(traceEdge),
  })
  .loose();
export type TraceGraph = z.infer<typeof traceGraph>;

export const graphletSummary = z
  .object({
    trainer: id,
    index: optionalNumber,
    executions: z.union([z.array(id), z.number()]).optional(),
    artifacts: z.union([z.array(id), z.number()]).optional(),
    spans: z.union([z.array(id), z.number()]).optional(),
    pushed: z.boolean(),
    warmStart: z.boolean().optional(),
    startMs: optionalNumber,
    endMs: optionalNumber,
  })
  .loose();
export type GraphletSummary = z.infer<typeof graphletSummary>;
export const graphletList = z.object({ graphlets: z.array(graphletSummary) }).loose();

const linkedNode = z
  .object({
    id,
    type: z.string().optional(),
    name: z.string().nullish(),
    key: z.string().nullish(),
  })
  .loose();
export type LinkedNode = z.infer<typeof linkedNode>;

const nodeDetailBody = z
  .object({
    id,
    kind: z.enum(['execution', 'artifact']),
    type: z.string(),
    name: z.string().nullish(),
    role: z.string().nullish(),
    state: z.string().nullish(),
    uri: z.string().nullish(),
    startMs: optionalNumber,
    endMs: optionalNumber,
    createdMs: optionalNumber,
    properties: z.record(z.string(), z.unknown()).default({}),
    customProperties: z.record(z.string(), z.unknown()).default({}),
    inputs: z.array(linkedNode).default([]),
    outputs: z.array(linkedNode).default([]),
    graphlets: z.array(id).default([]),
  })
  .loose();
export type NodeDetail = z.infer<typeof nodeDetailBody>;

/** The node endpoint may wrap the node (`{node, inputs, outputs}`) or answer it bare. */
export const nodeDetail = z.preprocess((raw) => {
  if (typeof raw === 'object' && raw !== null && 'node' in raw) {
    const { node, ...rest } = raw as { node: unknown };
    return typeof node === 'object' && node !== null ? { ...node, ...rest } : raw;
  }
  return raw;
}, nodeDetailBody);

const neighbour = z.object({ trainer: id }).loose().nullish();

const graphletDetailBody = z
  .object({
    graphlet: graphletSummary,
    nodes: z.array(traceNode),
    edges: z.array(traceEdge),
    metrics: z.record(z.string(), z.unknown()).nullish(),
    features: z.record(z.string(), z.unknown()).nullish(),
    pushProbability: optionalNumber,
    previous: neighbour,
    next: neighbour,
  })
  .loose();
export type GraphletDetail = z.infer<typeof graphletDetailBody>;

/** The graphlet endpoint may nest the graphlet's own fields under `graphlet` or answer them flat. */
export const graphletDetail = z.preprocess((raw) => {
  if (typeof raw === 'object' && raw !== null && !('graphlet' in raw))
    return { ...raw, graphlet: raw };
  return raw;
}, graphletDetailBody);

export const deleted = z.unknown();
