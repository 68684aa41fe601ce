/**
 * A time per node for the time-window filter. Trace payloads carry no node times, so a node takes
 * the earliest start of the graphlets it belongs to; nodes in no graphlet get NaN (never filtered out).
 */
import type { TraceModel } from './trace-model.ts';

/** Earliest graphlet start per node, from trainer key -> start ms; NaN when unknown. */
export function nodeTimes(model: TraceModel, starts: ReadonlyMap<string, number>): Float64Array {
  const times = new Float64Array(model.nodes.length).fill(Number.NaN);
  for (const [trainer, members] of model.members) {
    const start = starts.get(trainer);
    if (start === undefined) continue;
    for (const i of members) {
      const t = times[i]!;
      if (Number.isNaN(t) || start < t) times[i] = start;
    }
  }
  return times;
}
