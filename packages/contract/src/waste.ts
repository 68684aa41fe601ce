/** The waste classifier's API (paper §5): training requests, trained models, operating points, scoring. */
import { WASTE_VARIANTS } from '@graphlet/core';
import { z } from 'zod';
import { idParamsSchema } from './id-params.ts';

const variant = z.enum(WASTE_VARIANTS).meta({ example: 'RF:Input+Pre' });

export const WasteTrainBodySchema = z
  .object({
    variant: variant.optional().meta({
      description: 'The Table 3 variant to train; the four main variants when absent',
    }),
    traces: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .meta({ description: 'Trace ids to train and test on; the whole corpus when absent' }),
    trees: z.number().int().min(1).max(1000).optional().meta({ description: 'Default 100' }),
    seed: z.number().int().min(0).max(2_147_483_647).optional().meta({ description: 'Default 0' }),
  })
  .strict()
  .meta({ id: 'WasteTrainRequest' });
export type WasteTrainBody = z.infer<typeof WasteTrainBodySchema>;

export const WasteModelParamsSchema = idParamsSchema('wm-7');

export const ConfusionSchema = z
  .object({
    truePositives: z.number().int(),
    falsePositives: z.number().int(),
    trueNegatives: z.number().int(),
    falseNegatives: z.number().int(),
  })
  .meta({ id: 'Confusion' });

export const CurvePointSchema = z
  .object({ threshold: z.number(), freshness: z.number(), waste: z.number() })
  .meta({ id: 'CurvePoint' });

export const WasteModelSummarySchema = z
  .object({
    id: z.string(),
    jobId: z.string(),
    created: z.string(),
    variants: z.array(variant),
    /** What the model was trained and tested on. */
    scope: z.object({
      /** The requested trace ids; null for the whole corpus at training time. */
      traces: z.array(z.string()).nullable(),
      pipelines: z.number().int(),
      graphlets: z.number().int(),
      trainGraphlets: z.number().int(),
      testGraphlets: z.number().int(),
      /** Graphlets of warm-starting pipelines left out (§5). */
      excludedGraphlets: z.number().int(),
    }),
    trees: z.number().int(),
    seed: z.number().int(),
  })
  .meta({ id: 'WasteModelSummary' });
export type WasteModelSummary = z.infer<typeof WasteModelSummarySchema>;

export const WasteModelListSchema = z
  .object({ models: z.array(WasteModelSummarySchema) })
  .meta({ id: 'WasteModelList' });

/** One Table 3 row: a variant's test-set scores beside the paper's. */
export const WasteRowSchema = z
  .object({
    variant,
    balancedAccuracy: z.number(),
    /** Null when the corpus records no compute. */
    featureCost: z.number().nullable(),
    confusion: ConfusionSchema,
    paper: z.object({ balancedAccuracy: z.number(), featureCost: z.number() }),
    wasteRemovedAtFreshness99: z.number(),
    wasteRemovedAtFreshness100: z.number(),
    topFeatures: z.array(z.object({ name: z.string(), importance: z.number() })),
    features: z.array(z.string()),
  })
  .meta({ id: 'WasteRow' });

export const WasteModelSchema = WasteModelSummarySchema.extend({
  rows: z.array(WasteRowSchema),
  /** Figure 10 per variant: thresholds decreasing from "nothing runs" to "all run". */
  curves: z.record(z.string(), z.array(CurvePointSchema)),
}).meta({ id: 'WasteModel' });
export type WasteModel = z.infer<typeof WasteModelSchema>;

export const WasteThresholdQuerySchema = z.object({
  variant: variant.meta({ param: { name: 'variant', in: 'query' } }),
  threshold: z.coerce
    .number()
    .min(0)
    .max(1)
    .meta({ param: { name: 'threshold', in: 'query' }, example: 0.3 }),
});

/** A test graphlet by id, with its outcome and the model's push probability. */
export const WasteTestGraphletSchema = z
  .object({
    traceId: z.string(),
    pipeline: z.string(),
    trainer: z.number().int(),
    pushed: z.boolean(),
    probability: z.number(),
    /** CPU seconds. */
    cost: z.number(),
  })
  .meta({ id: 'WasteTestGraphlet' });

export const WasteOperatingPointSchema = z
  .object({
    model: z.string(),
    variant,
    threshold: z.number(),
    freshness: z.number(),
    /** Share of unpushed compute still spent. */
    waste: z.number(),
    computeSavedCpuHours: z.number(),
    computeSavedShare: z.number(),
    pushedLost: z.number().int(),
    confusion: ConfusionSchema,
    testGraphlets: z.number().int(),
    skipped: z.array(WasteTestGraphletSchema),
  })
  .meta({ id: 'WasteOperatingPoint' });
export type WasteOperatingPoint = z.infer<typeof WasteOperatingPointSchema>;

/** A skip policy document (`graphlet-skip-policy/1`, docs/waste.md); the server checks it in full. */
export const SkipPolicyDocumentSchema = z.record(z.string(), z.unknown()).meta({
  id: 'SkipPolicy',
  description: 'format, variant, threshold, featureOptions, features, forest, evaluation',
});

export const WasteScoreBodySchema = z
  .object({
    policy: SkipPolicyDocumentSchema,
    /** Every feature the policy names; null marks a missing value. */
    features: z.record(z.string(), z.number().nullable()),
  })
  .meta({ id: 'WasteScoreRequest' });

export const WasteScoreSchema = z
  .object({ probability: z.number(), decision: z.enum(['run', 'skip']) })
  .meta({ id: 'WasteScore' });
export type WasteScore = z.infer<typeof WasteScoreSchema>;

/** A graphlet's push probability from a trained model (for the graphlet detail). */
export const GraphletPushPredictionSchema = z
  .object({
    model: z.string(),
    variant,
    probability: z.number(),
    /** True when the graphlet is in the model's test set; false: scored, possibly seen in training. */
    testSet: z.boolean(),
    /**
     * The variant's default threshold: the highest that keeps freshness at 99% or more on the
     * model's test set (§5.3.2), as the Waste page opens with; null when its curve has none.
     */
    threshold: z.number().nullable(),
    /** What a skip policy at `threshold` would do: skip when probability < threshold. */
    decision: z.enum(['run', 'skip']).nullable(),
  })
  .meta({ id: 'GraphletPushPrediction' });
export type GraphletPushPrediction = z.infer<typeof GraphletPushPredictionSchema>;
