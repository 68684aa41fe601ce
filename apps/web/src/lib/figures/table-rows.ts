/** Tables 1 and 2 of the paper as rows of formatted cells, ours beside the paper's. */

import type { StatsDocument } from '@graphlet/contract';
import type { PaperTargets, PushSplit, SimilarityRow } from '@graphlet/core';
import { formatShare } from './format-stat.ts';

/** What a row of Tables 1 and 2 says besides its numbers: the metric, and what we measured. */
interface MeasuredRow {
  readonly key: string;
  readonly label: string;
  readonly available: boolean;
  readonly reason: string;
  /** Pairs (or pipelines) measured. */
  readonly count: number;
}

/** One metric of Table 1: four quarter shares and the mean, ours and the paper's. */
export interface SimilarityTableRow extends MeasuredRow {
  readonly ours: readonly string[];
  readonly oursMean: string;
  readonly paper: readonly string[];
  readonly paperMean: string;
}

const ROWS_1 = [
  { key: 'jaccard', label: 'Jaccard (input spans)' },
  { key: 'dataset', label: 'Dataset similarity' },
  { key: 'datasetPerPipeline', label: 'Dataset similarity, mean per pipeline' },
] as const;

const mean = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(3);

/** The row's metric and whether (and on how many) we measured it. */
function measuredRow(key: string, label: string, row: SimilarityRow | PushSplit): MeasuredRow {
  return { key, label, available: row.available, reason: row.reason ?? '', count: row.count };
}

/** Table 1 rows. */
export function similarityTableRows(
  table: StatsDocument['tables']['1'],
  paper: PaperTargets,
): SimilarityTableRow[] {
  return ROWS_1.map(({ key, label }) => {
    const row: SimilarityRow = table[key];
    const paperAt = (suffix: string) => paper[`tables.1.${key}.${suffix}`]?.value;
    return {
      ...measuredRow(key, label, row),
      ours: [0, 1, 2, 3].map((i) => formatShare(row.bins?.[i] ?? null, 1)),
      oursMean: mean(row.mean),
      paper: [0, 1, 2, 3].map((i) => formatShare(paperAt(`bins.${i}`), 1)),
      paperMean: mean(paperAt('mean')),
    };
  });
}

/** One metric of Table 2: means for pushed, unpushed and all graphlets. */
export interface PushSplitTableRow extends MeasuredRow {
  /** pushed, unpushed, all. */
  readonly ours: readonly [string, string, string];
  readonly paper: readonly [string, string, string];
}

const ROWS_2 = [
  { key: 'inputSimilarity', label: 'Input data similarity' },
  { key: 'codeMatch', label: 'Code match' },
] as const;
const SPLITS = ['pushed', 'unpushed', 'all'] as const;

/** Table 2 rows. */
export function pushSplitTableRows(
  table: StatsDocument['tables']['2'],
  paper: PaperTargets,
): PushSplitTableRow[] {
  return ROWS_2.map(({ key, label }) => {
    const row: PushSplit = table[key];
    const cells = (pick: (split: (typeof SPLITS)[number]) => string) =>
      SPLITS.map(pick) as unknown as readonly [string, string, string];
    return {
      ...measuredRow(key, label, row),
      ours: cells((s) => mean(row[s])),
      paper: cells((s) => mean(paper[`tables.2.${key}.${s}`]?.value)),
    };
  });
}
