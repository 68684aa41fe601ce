/**
 * Corpus statistics (the document of `cli stats --json`, core's CorpusStatistics, every path in
 * docs/statistics.md) for all traces or a chosen set, with the paper's numbers beside them.
 * contract.test.ts holds the schema's inferred type equal to core's CorpusStatistics.
 */
import {
  COST_SOURCES,
  MODEL_CLASSES,
  MODEL_TYPES,
  OPERATOR_GROUPS,
  type PaperTarget,
} from '@graphlet/core';
import { z } from 'zod';

export const StatsQuerySchema = z.object({
  traces: z
    .string()
    .regex(/^[^,]+(,[^,]+)*$/, 'traces is a comma-separated list of trace ids')
    .optional()
    .meta({ description: 'Comma-separated trace ids; the whole corpus when absent' }),
});

/** A share or summary number; null when there is nothing to measure. */
const share = z.number().nullable();
const count = z.number().int().nonnegative();
const modelTypes = z.enum(MODEL_TYPES);
const groups = z.enum(OPERATOR_GROUPS);

/** Whether a statistic could be computed; when not, `reason` says why. */
const availability = { available: z.boolean(), reason: z.string().optional() };

export const HistogramSchema = z
  .strictObject({
    scale: z.enum(['linear', 'log']),
    /** Bin edges, ascending; one more than the bins. */
    edges: z.array(z.number()),
    counts: z.array(count),
    pdf: z.array(z.number()),
    cdf: z.array(z.number()),
  })
  .meta({ id: 'Histogram' });

export const DistributionSchema = z
  .strictObject({
    count,
    mean: share,
    median: share,
    p90: share,
    max: share,
    histogram: HistogramSchema,
  })
  .meta({ id: 'Distribution' });

const distributionFigure = DistributionSchema.extend({ ...availability, unit: z.string() });

const byClassFigure = z.strictObject({
  ...availability,
  unit: z.string(),
  byClass: z.record(z.enum(MODEL_CLASSES), DistributionSchema),
});

const gapFigure = z.strictObject({
  ...availability,
  unit: z.literal('hours'),
  all: DistributionSchema,
  pushed: DistributionSchema,
  pushedMeanMinusAllMean: share,
  shareOfAllBelowPushedMedian: share,
});

const similarityRow = z.strictObject({
  ...availability,
  bins: z.array(z.number()).nullable(),
  mean: share,
  count,
});

const pushSplit = z.strictObject({
  ...availability,
  pushed: share,
  unpushed: share,
  all: share,
  count,
});

const corpusSummary = z.strictObject({
  pipelines: count,
  pipelinesWithGraphlets: count,
  graphlets: count,
  completedGraphlets: count,
  failedTrainerGraphlets: count,
  pushedGraphlets: count,
  pushedShare: share,
  failedCompute: z.strictObject({ cpuSeconds: z.number(), share }),
  executions: count,
  artifacts: count,
  events: count,
  maxTraceNodes: count,
  warmStartShare: share,
  warmStartPipelineGraphletShare: share,
  periodDays: share,
});

const figures = z.strictObject({
  '3a': distributionFigure,
  '3b': distributionFigure,
  '3c': distributionFigure,
  '3d': byClassFigure,
  '3e': byClassFigure,
  '3f': byClassFigure,
  '4': z.strictObject({
    ...availability,
    pipelines: count,
    /** By analyzer name: share of pipelines using it. */
    pipelineShare: z.record(z.string(), share),
    totalUses: z.record(z.string(), count),
    featureKinds: z.strictObject({
      ...availability,
      pipelines: count,
      categoricalShare: share,
      meanDomainSize: z.strictObject({ all: share, DNN: share, Linear: share }),
    }),
  }),
  '5': z.strictObject({
    ...availability,
    trainers: count,
    trainersWithType: count,
    counts: z.record(modelTypes, count),
    shares: z.record(modelTypes, share),
  }),
  '6': z.strictObject({ ...availability, pipelines: count, shares: z.record(groups, share) }),
  '7': z.strictObject({
    ...availability,
    cpuSeconds: z.number(),
    secondsByGroup: z.record(groups, z.number()),
    shares: z.record(groups, share),
    validationShare: share,
    sources: z.record(z.enum(COST_SOURCES), count),
    postToPreRatio: share,
  }),
  '9a': gapFigure,
  '9b': gapFigure,
  '9c': distributionFigure,
  '9d': z.strictObject({
    ...availability,
    unit: z.literal('cpu seconds'),
    pushed: DistributionSchema,
    unpushed: DistributionSchema,
  }),
  '9e': distributionFigure,
  '9f': z.strictObject({
    ...availability,
    graphlets: z.record(modelTypes, count),
    likelihood: z.record(modelTypes, share),
  }),
});

const tables = z.strictObject({
  '1': z.strictObject({
    ...availability,
    jaccard: similarityRow,
    dataset: similarityRow,
    datasetPerPipeline: similarityRow,
  }),
  '2': z.strictObject({ ...availability, inputSimilarity: pushSplit, codeMatch: pushSplit }),
});

/** Core's CorpusStatistics document: every figure and table of the paper's §3 and §4. */
export const CorpusStatisticsSchema = z.strictObject({ corpus: corpusSummary, figures, tables });

/** One number the paper states (core's PaperTarget). */
export const PaperTargetSchema = z
  .strictObject({
    label: z.string(),
    value: z.number(),
    relation: z.enum(['=', '~', '<', '>']),
    section: z.string(),
  })
  .meta({ id: 'PaperTarget' }) satisfies z.ZodType<PaperTarget>;

/** The paper's numbers keyed by their dot-separated path in the statistics document. */
export const PaperTargetsSchema = z.record(z.string(), PaperTargetSchema);

/** The paper's claims in words, keyed by figure path (e.g. `figures.9d`). */
export const PaperClaimsSchema = z.record(z.string(), z.string());

/** The answer of `GET /api/stats`: the document plus core's PAPER_TARGETS and PAPER_CLAIMS. */
export const StatsSchema = CorpusStatisticsSchema.extend({
  paper: PaperTargetsSchema,
  paperClaims: PaperClaimsSchema,
}).meta({ id: 'CorpusStatistics' });
export type StatsDocument = z.infer<typeof StatsSchema>;
