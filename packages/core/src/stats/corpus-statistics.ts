/**
 * The statistics document: every figure and table of the paper (§3, §4) computed from a corpus.
 * JSON-serialisable with a stable key order; docs/statistics.md documents every path.
 */
import type { ModelType } from '../metadata-keys.ts';
import type { Distribution, QuarterBins } from './distribution.ts';
import type { CostSource } from './execution-cost.ts';
import type { ModelClass } from './model-type.ts';
import type { OperatorGroup } from './operator-group.ts';

/** Whether a statistic could be computed; when not, a sentence saying why. */
export interface Availability {
  readonly available: boolean;
  readonly reason?: string;
}

/** Builds an Availability: available when `ok`, else carrying `reason`. */
export function availability(ok: boolean, reason: string): Availability {
  return ok ? { available: true } : { available: false, reason };
}

export interface CorpusSummary {
  readonly pipelines: number;
  /** Pipelines with at least one graphlet of a completed trainer. */
  readonly pipelinesWithGraphlets: number;
  /** Every graphlet: one per non-cached trainer run, failed ones included. */
  readonly graphlets: number;
  /** Graphlets whose trainer completed (made a model): the base of every model statistic. */
  readonly completedGraphlets: number;
  /** Graphlets whose trainer failed or was canceled: no model, so no push decision. */
  readonly failedTrainerGraphlets: number;
  readonly pushedGraphlets: number;
  /** pushedGraphlets / completedGraphlets. */
  readonly pushedShare: number | null;
  /**
   * Compute spent on failures: executions whose every graphlet has a failed trainer (the failed
   * trainer itself, and upstream work no completed trainer used), each counted once.
   */
  readonly failedCompute: {
    readonly cpuSeconds: number;
    /** Of all executions' compute in the corpus; null when no compute is known. */
    readonly share: number | null;
  };
  readonly executions: number;
  readonly artifacts: number;
  readonly events: number;
  /** The largest trace, in execution plus artifact nodes. */
  readonly maxTraceNodes: number;
  /** Share of completed graphlets whose trainer warm-starts from an earlier model. */
  readonly warmStartShare: number | null;
  /** Share of completed graphlets belonging to pipelines with at least one warm start (paper: 9%). */
  readonly warmStartPipelineGraphletShare: number | null;
  /** Days between the oldest and newest node timestamp in the whole corpus. */
  readonly periodDays: number | null;
}

export type DistributionFigure = Availability & Distribution & { readonly unit: string };

export type ByClassFigure = Availability & {
  readonly unit: string;
  readonly byClass: Readonly<Record<ModelClass, Distribution>>;
};

export type Figure4 = Availability & {
  /** Pipelines whose Transform executions record analyzers. */
  readonly pipelines: number;
  readonly pipelineShare: Readonly<Record<string, number | null>>;
  readonly totalUses: Readonly<Record<string, number>>;
  readonly featureKinds: Availability & {
    readonly pipelines: number;
    readonly categoricalShare: number | null;
    readonly meanDomainSize: {
      readonly all: number | null;
      readonly DNN: number | null;
      readonly Linear: number | null;
    };
  };
};

export type Figure5 = Availability & {
  readonly trainers: number;
  readonly trainersWithType: number;
  readonly counts: Readonly<Record<ModelType, number>>;
  /** Null when no trainer records a model type. */
  readonly shares: Readonly<Record<ModelType, number | null>>;
};

export type Figure6 = Availability & {
  readonly pipelines: number;
  readonly shares: Readonly<Record<OperatorGroup, number | null>>;
};

export type Figure7 = Availability & {
  readonly cpuSeconds: number;
  readonly secondsByGroup: Readonly<Record<OperatorGroup, number>>;
  /** Null when no compute is known. */
  readonly shares: Readonly<Record<OperatorGroup, number | null>>;
  /** Share of data plus model analysis & validation (paper ~35%). */
  readonly validationShare: number | null;
  /** Executions per cost source (see executionCost). */
  readonly sources: Readonly<Record<CostSource, number>>;
  /** Compute of post-trainer over pre-trainer executions, each counted once (paper ~0.3). */
  readonly postToPreRatio: number | null;
};

export type GapFigure = Availability & {
  readonly unit: 'hours';
  readonly all: Distribution;
  readonly pushed: Distribution;
  /** Mean gap between pushed graphlets minus mean gap between all (paper ~15 h). */
  readonly pushedMeanMinusAllMean: number | null;
  /** Share of all gaps below the median gap between pushed graphlets (paper ~80%). */
  readonly shareOfAllBelowPushedMedian: number | null;
};

export type Figure9d = Availability & {
  readonly unit: 'cpu seconds';
  readonly pushed: Distribution;
  readonly unpushed: Distribution;
};

export type Figure9f = Availability & {
  readonly graphlets: Readonly<Record<ModelType, number>>;
  readonly likelihood: Readonly<Record<ModelType, number | null>>;
};

export type SimilarityRow = Availability & QuarterBins;

export type Table1 = Availability & {
  readonly jaccard: SimilarityRow;
  readonly dataset: SimilarityRow;
  readonly datasetPerPipeline: SimilarityRow;
};

export type PushSplit = Availability & {
  readonly pushed: number | null;
  readonly unpushed: number | null;
  readonly all: number | null;
  readonly count: number;
};

export type Table2 = Availability & {
  readonly inputSimilarity: PushSplit;
  readonly codeMatch: PushSplit;
};

/** The whole document. */
export interface CorpusStatistics {
  readonly corpus: CorpusSummary;
  readonly figures: {
    readonly '3a': DistributionFigure;
    readonly '3b': DistributionFigure;
    readonly '3c': DistributionFigure;
    readonly '3d': ByClassFigure;
    readonly '3e': ByClassFigure;
    readonly '3f': ByClassFigure;
    readonly '4': Figure4;
    readonly '5': Figure5;
    readonly '6': Figure6;
    readonly '7': Figure7;
    readonly '9a': GapFigure;
    readonly '9b': GapFigure;
    readonly '9c': DistributionFigure;
    readonly '9d': Figure9d;
    readonly '9e': DistributionFigure;
    readonly '9f': Figure9f;
  };
  readonly tables: {
    readonly '1': Table1;
    readonly '2': Table2;
  };
}
