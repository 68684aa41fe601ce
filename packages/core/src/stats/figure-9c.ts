/** Figure 9(c) (§4.3.1): unpushed graphlets between consecutive pushes, one value per pipeline. */
import { availability, type DistributionFigure } from './corpus-statistics.ts';
import { distributionOf, ValueSink } from './distribution.ts';
import { NO_TRAINER } from './figure-3.ts';
import type { Collector } from './pipeline-context.ts';

/** What figure 9(c)'s collector saves: one value per pipeline, graphlets and pushes. */
interface Saved {
  readonly values: number[];
  readonly graphlets: number;
  readonly pushes: number;
}

/**
 * A pipeline's value is the mean, over its consecutive pushes (in trainer start order), of the
 * number of unpushed graphlets between them; pipelines with fewer than two pushes have none.
 */
export function figure9cCollector(): Collector<DistributionFigure, Saved> {
  const sink = new ValueSink();
  let graphlets = 0;
  let pushes = 0;
  return {
    add(p) {
      graphlets += p.graphlets.length;
      let seenPush = false;
      let between = 0;
      let intervals = 0;
      let sum = 0;
      for (const g of p.graphlets) {
        if (!g.pushed) {
          between++;
          continue;
        }
        pushes++;
        if (seenPush) {
          sum += between;
          intervals++;
        }
        seenPush = true;
        between = 0;
      }
      if (intervals > 0) sink.push(sum / intervals);
    },
    save: () => ({ values: sink.toArray(), graphlets, pushes }),
    merge(saved) {
      sink.pushAll(saved.values);
      graphlets += saved.graphlets;
      pushes += saved.pushes;
    },
    finish(bins) {
      const reason =
        graphlets === 0
          ? NO_TRAINER
          : pushes === 0
            ? 'no graphlet pushed a model'
            : 'no pipeline pushed twice, so there are no consecutive pushes';
      return {
        ...availability(sink.length > 0, reason),
        unit: 'unpushed graphlets',
        ...distributionOf(sink, 'linear', bins),
      };
    },
  };
}
