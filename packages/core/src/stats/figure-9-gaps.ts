/**
 * Figure 9(a) and 9(b) (§4.3.1): hours between the trainer starts of consecutive graphlets,
 * all pairs vs consecutive pushed graphlets, as PDF and CDF on shared log-spaced bins.
 */
import { availability, type GapFigure } from './corpus-statistics.ts';
import { distributionOf, logEdges, ValueSink } from './distribution.ts';
import { NO_TRAINER } from './figure-3.ts';
import type { Collector, PipelineContext } from './pipeline-context.ts';

const HOUR_MS = 3_600_000;

/** What the gaps collector saves: both sinks' hours, graphlets, pipelines with two or more. */
interface Saved {
  readonly all: number[];
  readonly pushed: number[];
  readonly graphlets: number;
  readonly multi: number;
}

/** Trainer start of a graphlet: Graphlet.startMs, else its trainer execution's start. */
function graphletStart(p: PipelineContext, i: number): number | undefined {
  const g = p.graphlets[i];
  if (g === undefined) return undefined;
  return g.startMs ?? p.view.execution(g.trainer)?.startMs;
}

/** Both panels hold the same data; 9(a) is read through `pdf`, 9(b) through `cdf`. */
export function figure9GapsCollector(): Collector<{ '9a': GapFigure; '9b': GapFigure }, Saved> {
  const all = new ValueSink();
  const pushed = new ValueSink();
  let graphlets = 0;
  let multi = 0;
  return {
    add(p) {
      graphlets += p.graphlets.length;
      if (p.graphlets.length > 1) multi++;
      let prev: number | undefined;
      let prevPushed: number | undefined;
      p.graphlets.forEach((g, i) => {
        // A graphlet without a start time breaks the chain: its neighbours are not compared.
        const t = graphletStart(p, i);
        if (t !== undefined && prev !== undefined) all.push((t - prev) / HOUR_MS);
        prev = t;
        if (!g.pushed) return;
        if (t !== undefined && prevPushed !== undefined) pushed.push((t - prevPushed) / HOUR_MS);
        prevPushed = t;
      });
    },
    save: () => ({ all: all.toArray(), pushed: pushed.toArray(), graphlets, multi }),
    merge(saved) {
      all.pushAll(saved.all);
      pushed.pushAll(saved.pushed);
      graphlets += saved.graphlets;
      multi += saved.multi;
    },
    finish(bins) {
      const edges = logEdges([all.sorted(), pushed.sorted()], bins.binsPerDecade);
      const a = distributionOf(all, 'log', bins, edges);
      const b = distributionOf(pushed, 'log', bins, edges);
      const reason =
        graphlets === 0
          ? NO_TRAINER
          : multi === 0
            ? 'no pipeline has two graphlets, so no consecutive pair exists'
            : 'no consecutive trainers both record a start time';
      let below: number | null = null;
      if (b.median !== null && a.count > 0) {
        let n = 0;
        for (const v of all.sorted()) if (v < b.median) n++;
        below = n / a.count;
      }
      const figure: GapFigure = {
        ...availability(a.count > 0, reason),
        unit: 'hours',
        all: a,
        pushed: b,
        pushedMeanMinusAllMean: a.mean !== null && b.mean !== null ? b.mean - a.mean : null,
        shareOfAllBelowPushedMedian: below,
      };
      return { '9a': figure, '9b': figure };
    },
  };
}
