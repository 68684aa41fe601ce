/**
 * Table 1 (§4.2): similarity of consecutive graphlets, as shares of pairs in the quarters of
 * [0, 1] and the mean: Jaccard of input spans, dataset similarity, and dataset similarity
 * averaged per pipeline (one value per pipeline).
 */
import { availability, type SimilarityRow, type Table1 } from './corpus-statistics.ts';
import { quarterBins, ValueSink } from './distribution.ts';
import { NO_FEATURE_STATISTICS, NO_TRAINER } from './figure-3.ts';
import type { Collector } from './pipeline-context.ts';

/** What table 1's collector saves: each similarity's values, graphlets and pairs. */
interface Saved {
  readonly jaccard: number[];
  readonly dataset: number[];
  readonly perPipeline: number[];
  readonly graphlets: number;
  readonly pairs: number;
}

export const NO_PAIRS = 'no pipeline has two graphlets, so no consecutive pair exists';

/** Pairs whose metric is undefined (no spans, no comparable feature statistics) are left out. */
export function table1Collector(): Collector<Table1, Saved> {
  const jaccard = new ValueSink();
  const dataset = new ValueSink();
  const perPipeline = new ValueSink();
  let graphlets = 0;
  let pairs = 0;
  return {
    add(p) {
      graphlets += p.graphlets.length;
      pairs += p.pairs.length;
      let sum = 0;
      let n = 0;
      for (const pair of p.pairs) {
        if (pair.jaccard !== undefined) jaccard.push(pair.jaccard);
        if (pair.dataset !== undefined) {
          dataset.push(pair.dataset);
          sum += pair.dataset;
          n++;
        }
      }
      if (n > 0) perPipeline.push(sum / n);
    },
    save: () => ({
      jaccard: jaccard.toArray(),
      dataset: dataset.toArray(),
      perPipeline: perPipeline.toArray(),
      graphlets,
      pairs,
    }),
    merge(saved) {
      jaccard.pushAll(saved.jaccard);
      dataset.pushAll(saved.dataset);
      perPipeline.pushAll(saved.perPipeline);
      graphlets += saved.graphlets;
      pairs += saved.pairs;
    },
    finish() {
      const base = graphlets === 0 ? NO_TRAINER : pairs === 0 ? NO_PAIRS : undefined;
      const row = (sink: ValueSink, reason: string): SimilarityRow => ({
        ...availability(sink.length > 0, base ?? reason),
        ...quarterBins(sink),
      });
      const j = row(jaccard, 'no consecutive graphlets have input spans (ingestion outputs)');
      return {
        ...availability(j.available, j.reason ?? ''),
        jaccard: j,
        dataset: row(dataset, NO_FEATURE_STATISTICS),
        datasetPerPipeline: row(perPipeline, NO_FEATURE_STATISTICS),
      };
    },
  };
}
