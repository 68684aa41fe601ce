/** Figure 9(d) (§4.3.1): trainer compute (CPU seconds, see executionCost), pushed vs unpushed. */
import { availability, type Figure9d } from './corpus-statistics.ts';
import { distributionOf, logEdges, ValueSink } from './distribution.ts';
import { costWithSource } from './execution-cost.ts';
import { NO_TRAINER } from './figure-3.ts';
import type { Collector } from './pipeline-context.ts';

/** What figure 9(d)'s collector saves: trainer seconds, pushed and unpushed, and graphlets. */
interface Saved {
  readonly pushed: number[];
  readonly unpushed: number[];
  readonly graphlets: number;
}

/** Trainers of unknown cost (no cpu_seconds, no start and end) are left out. */
export function figure9dCollector(): Collector<Figure9d, Saved> {
  const pushed = new ValueSink();
  const unpushed = new ValueSink();
  let graphlets = 0;
  return {
    add({ view, graphlets: gs }) {
      graphlets += gs.length;
      for (const g of gs) {
        const e = view.execution(g.trainer);
        if (e === undefined) continue;
        const c = costWithSource(e);
        if (c.source === 'unknown') continue;
        (g.pushed ? pushed : unpushed).push(c.seconds);
      }
    },
    save: () => ({ pushed: pushed.toArray(), unpushed: unpushed.toArray(), graphlets }),
    merge(saved) {
      pushed.pushAll(saved.pushed);
      unpushed.pushAll(saved.unpushed);
      graphlets += saved.graphlets;
    },
    finish(bins) {
      const edges = logEdges([pushed.sorted(), unpushed.sorted()], bins.binsPerDecade);
      const reason =
        graphlets === 0 ? NO_TRAINER : 'no Trainer records cpu_seconds or both start and end times';
      return {
        ...availability(pushed.length + unpushed.length > 0, reason),
        unit: 'cpu seconds',
        pushed: distributionOf(pushed, 'log', bins, edges),
        unpushed: distributionOf(unpushed, 'log', bins, edges),
      };
    },
  };
}
