/** The server's skipped test graphlets grouped by trace, most skipped first (for "Show on trace"). */

/** A skipped graphlet as the operating point lists it. */
export interface SkippedGraphlet {
  readonly traceId: string;
  readonly pipeline: string;
  readonly trainer: number;
  readonly pushed: boolean;
  readonly probability: number;
  readonly cost: number;
}

/** One trace's skipped graphlets. */
export interface SkippedTrace {
  readonly traceId: string;
  readonly pipeline: string;
  readonly graphlets: readonly SkippedGraphlet[];
  readonly pushedLost: number;
  /** CPU hours. */
  readonly computeSaved: number;
}

/** Groups by trace; traces by skipped count (descending), then id; graphlets by trainer id. */
export function skippedByTrace(skipped: readonly SkippedGraphlet[]): SkippedTrace[] {
  const groups = new Map<string, SkippedGraphlet[]>();
  for (const g of skipped) {
    const list = groups.get(g.traceId);
    if (list === undefined) groups.set(g.traceId, [g]);
    else list.push(g);
  }
  return [...groups.entries()]
    .map(([traceId, graphlets]) => ({
      traceId,
      pipeline: graphlets[0]?.pipeline ?? '',
      graphlets: [...graphlets].sort((a, b) => a.trainer - b.trainer),
      pushedLost: graphlets.filter((g) => g.pushed).length,
      computeSaved: graphlets.reduce((sum, g) => sum + g.cost, 0) / 3600,
    }))
    .sort((a, b) => b.graphlets.length - a.graphlets.length || a.traceId.localeCompare(b.traceId));
}
