/**
 * The statistics document of `GET /api/stats` (core's CorpusStatistics, docs/statistics.md) as a
 * zod schema: the contract keeps it open, so the figures page validates the parts it charts.
 */
import { PaperClaimsSchema, PaperTargetsSchema } from '@graphlet/contract';
import { z } from 'zod';

const share = z.number().nullable();
const shares = z.record(z.string(), share);
const counts = z.record(z.string(), z.number());

export const histogramSchema = z.looseObject({
  scale: z.enum(['linear', 'log']),
  edges: z.array(z.number()),
  counts: z.array(z.number()),
  pdf: z.array(z.number()),
  cdf: z.array(z.number()),
});
export type Histogram = z.infer<typeof histogramSchema>;

export const distributionSchema = z.looseObject({
  count: z.number(),
  mean: share,
  median: share,
  p90: share,
  max: share,
  histogram: histogramSchema,
});
export type Distribution = z.infer<typeof distributionSchema>;

const availability = {
  available: z.boolean(),
  reason: z.string().optional(),
};

const distributionFigure = distributionSchema.extend({ ...availability, unit: z.string() });
export type DistributionFigure = z.infer<typeof distributionFigure>;

const byClassFigure = z.looseObject({
  ...availability,
  unit: z.string(),
  byClass: z.looseObject({
    DNN: distributionSchema,
    Linear: distributionSchema,
    Rest: distributionSchema,
  }),
});
export type ByClassFigure = z.infer<typeof byClassFigure>;

const gapFigure = z.looseObject({
  ...availability,
  unit: z.string(),
  all: distributionSchema,
  pushed: distributionSchema,
  pushedMeanMinusAllMean: share,
  shareOfAllBelowPushedMedian: share,
});
export type GapFigure = z.infer<typeof gapFigure>;

const similarityRow = z.looseObject({
  ...availability,
  bins: z.array(share).nullable(),
  mean: share,
  count: z.number(),
});
export type SimilarityRow = z.infer<typeof similarityRow>;

const pushSplit = z.looseObject({
  ...availability,
  pushed: share,
  unpushed: share,
  all: share,
  count: z.number(),
});
export type PushSplit = z.infer<typeof pushSplit>;

export const statsDocument = z.looseObject({
  corpus: z.looseObject({
    pipelines: z.number(),
    pipelinesWithGraphlets: z.number(),
    graphlets: z.number(),
    pushedGraphlets: z.number(),
    pushedShare: share,
    executions: z.number(),
    artifacts: z.number(),
    periodDays: share,
  }),
  figures: z.looseObject({
    '3a': distributionFigure,
    '3b': distributionFigure,
    '3c': distributionFigure,
    '3d': byClassFigure,
    '3e': byClassFigure,
    '3f': byClassFigure,
    '4': z.looseObject({
      ...availability,
      pipelines: z.number(),
      pipelineShare: shares,
      totalUses: counts,
    }),
    '5': z.looseObject({
      ...availability,
      trainers: z.number(),
      trainersWithType: z.number(),
      counts,
      shares,
    }),
    '6': z.looseObject({ ...availability, pipelines: z.number(), shares }),
    '7': z.looseObject({
      ...availability,
      cpuSeconds: z.number(),
      secondsByGroup: counts,
      shares,
      validationShare: share,
      postToPreRatio: share,
    }),
    '9a': gapFigure,
    '9b': gapFigure,
    '9c': distributionFigure,
    '9d': z.looseObject({
      ...availability,
      unit: z.string(),
      pushed: distributionSchema,
      unpushed: distributionSchema,
    }),
    '9e': distributionFigure,
    '9f': z.looseObject({ ...availability, graphlets: counts, likelihood: shares }),
  }),
  tables: z.looseObject({
    '1': z.looseObject({
      ...availability,
      jaccard: similarityRow,
      dataset: similarityRow,
      datasetPerPipeline: similarityRow,
    }),
    '2': z.looseObject({ ...availability, inputSimilarity: pushSplit, codeMatch: pushSplit }),
  }),
  /** The paper's numbers by document path; absent from servers older than this page. */
  paper: PaperTargetsSchema.catch({}),
  paperClaims: PaperClaimsSchema.catch({}),
});
export type StatsDocument = z.infer<typeof statsDocument>;
export type PaperTargets = StatsDocument['paper'];
export type PaperTarget = NonNullable<PaperTargets[string]>;
