/** Figure 9(e) (§4.3.2): graphlet duration in hours, latest end minus earliest start of its executions. */
import { availability, type DistributionFigure } from './corpus-statistics.ts';
import { distributionOf, ValueSink } from './distribution.ts';
import { NO_TRAINER } from './figure-3.ts';
import type { Collector } from './pipeline-context.ts';

const HOUR_MS = 3_600_000;

/** What figure 9(e)'s collector saves: graphlet durations in hours, and graphlets. */
interface Saved {
  readonly hours: number[];
  readonly graphlets: number;
}

/** Graphlets whose executions record no start or no end time are left out. */
export function figure9eCollector(): Collector<DistributionFigure, Saved> {
  const sink = new ValueSink();
  let graphlets = 0;
  return {
    add({ view, graphlets: gs }) {
      graphlets += gs.length;
      for (const g of gs) {
        let start = Number.POSITIVE_INFINITY;
        let end = Number.NEGATIVE_INFINITY;
        for (const id of g.executions) {
          const e = view.execution(id);
          if (e?.startMs !== undefined && e.startMs < start) start = e.startMs;
          if (e?.endMs !== undefined && e.endMs > end) end = e.endMs;
        }
        if (start !== Number.POSITIVE_INFINITY && end !== Number.NEGATIVE_INFINITY) {
          sink.push(Math.max(0, end - start) / HOUR_MS);
        }
      }
    },
    save: () => ({ hours: sink.toArray(), graphlets }),
    merge(saved) {
      sink.pushAll(saved.hours);
      graphlets += saved.graphlets;
    },
    finish(bins) {
      const reason =
        graphlets === 0 ? NO_TRAINER : 'no graphlet execution records start and end times';
      return {
        ...availability(sink.length > 0, reason),
        unit: 'hours',
        ...distributionOf(sink, 'log', bins),
      };
    },
  };
}
