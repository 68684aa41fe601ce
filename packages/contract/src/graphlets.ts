/** Model graphlets of a trace (paper §4.1), ids as in `cli segment --json`: raw MLMD ids. */
import { EXECUTION_STATES, MODEL_TYPES, PUSH_OUTCOMES } from '@graphlet/core';
import { z } from 'zod';
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
  .meta({ id: 'GraphletMetrics' });

export const GraphletSchema = z
  .object({
    trainer: z.number().int(),
    index: z.number().int(),
    executions: z.array(z.number().int()),
    artifacts: z.array(z.number().int()),
    spans: z.array(z.number().int()),
    downstream: z.array(z.number().int()),
    warmStart: z.boolean(),
    /** The trainer failed or was canceled: no model, so no push decision (docs/statistics.md). */
    failed: z.boolean(),
    pushed: z.boolean(),
    startMs: z.number().nullable(),
    endMs: z.number().nullable(),
    metrics: GraphletMetricsSchema,
  })
  .meta({ id: 'Graphlet' });
export type GraphletDocument = z.infer<typeof GraphletSchema>;

export const GraphletListSchema = z
  .object({
    graphlets: z.array(GraphletSchema),
    /** Why there are none, e.g. a trace without a trainer. */
    note: z.string().optional(),
  })
  .meta({ id: 'GraphletList' });
export type GraphletList = z.infer<typeof GraphletListSchema>;

/** CPU seconds per operator group (core's OPERATOR_GROUPS); null when a group's cost is unknown. */
const groupSeconds = z.number().nullable();
export const ComputeByGroupSchema = z
  .object({
    ingestion: groupSeconds,
    data_validation: groupSeconds,
    transform: groupSeconds,
    training: groupSeconds,
    model_validation: groupSeconds,
    deployment: groupSeconds,
    other: groupSeconds,
  })
  .meta({ id: 'ComputeByGroup' });
export type ComputeByGroup = z.infer<typeof ComputeByGroupSchema>;

export const InputSpanSchema = z
  .object({
    /** Artifact id of the span. */
    id: z.number().int(),
    /** Its `span` property; null when the store does not record one. */
    span: z.number().nullable(),
  })
  .meta({ id: 'InputSpan' });

export const BlessingSchema = z
  .object({
    artifact: z.number().int(),
    /** `ModelBlessing` (the model validator, TFX's Evaluator) or another `*Blessing`. */
    type: z.string(),
    validator: z.number().int(),
    validatorName: z.string(),
    /** The artifact's `blessed` property; null when it records none. */
    blessed: z.boolean().nullable(),
  })
  .meta({ id: 'Blessing' });

/** What the trace shows about the graphlet's push (core's pushOutcome). */
export const PushOutcomeSchema = z
  .object({
    kind: z.enum(PUSH_OUTCOMES),
    trainerState: z.enum(EXECUTION_STATES),
    blessings: z.array(BlessingSchema),
    pushers: z.array(z.number().int()),
    sentence: z.string(),
  })
  .meta({ id: 'PushOutcome' });
export type PushOutcomeDocument = z.infer<typeof PushOutcomeSchema>;

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
    /** The graphlet's input spans, ordered by span number. */
    inputSpans: z.array(InputSpanSchema),
    /** Jaccard similarity of the input spans with the previous graphlet's; null for the first. */
    jaccard: z.number().nullable(),
    /** Dataset similarity with the previous graphlet (feature statistics); null without them. */
    datasetSimilarity: z.number().nullable(),
    /** Whether the trainer's `code_version` equals the previous one's; null unless both record one. */
    codeMatch: z.boolean().nullable(),
    /** CPU seconds by operator group (paper Figures 6-7): 0 for a group without executions. */
    computeByGroup: ComputeByGroupSchema,
    /** The trainer's model type (paper Figure 5); null when not recorded. */
    modelType: z.enum(MODEL_TYPES).nullable(),
    /** Why the graphlet was or was not pushed, as far as the trace shows. */
    pushOutcome: PushOutcomeSchema,
    /** The newest waste model's push probability for this graphlet; absent before any model exists. */
    pushProbability: z.number().optional(),
    /** Which model and variant gave `pushProbability`, and whether the graphlet was in its test set. */
    pushPrediction: GraphletPushPredictionSchema.optional(),
  })
  .meta({ id: 'GraphletDetail' });
export type GraphletDetail = z.infer<typeof GraphletDetailSchema>;

export const GraphletParamsSchema = TraceIdParamsSchema.extend({
  trainer: z.coerce
    .number()
    .int()
    .nonnegative()
    .meta({ param: { name: 'trainer', in: 'path' }, example: 12 }),
});
