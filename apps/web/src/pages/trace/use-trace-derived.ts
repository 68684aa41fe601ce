/**
 * Everything the trace page computes from its data and URL state: the model, graphlet order,
 * label placement, filters, the lineage window, what is visible and how much the filters hide.
 */
import { useMemo } from 'react';
import type { GraphletSummary, TraceGraph } from '../../api/schemas.ts';
import { type LineageWindow, lineageWindow } from '../../lib/graph/lineage-hops.ts';
import { nodeTimes } from '../../lib/graph/node-times.ts';
import { buildTraceModel, type TraceModel } from '../../lib/graph/trace-model.ts';
import { dayWindow, visibleNodes } from '../../lib/graph/visible-nodes.ts';
import type { TraceSearch } from '../../lib/url-state.ts';

export interface TraceDerived {
  readonly model: TraceModel;
  /** Graphlet keys (trainer ids) in time order. */
  readonly order: readonly string[];
  readonly keys: ReadonlySet<string>;
  /** The selected graphlet's key and members, when the URL names one of this trace. */
  readonly selected: string | undefined;
  readonly members: Int32Array | undefined;
  /** The lineage view's window, when the URL names a node of this trace. */
  readonly lineage: LineageWindow | undefined;
  /** 1 per node drawn: passing the filters and, in the lineage view, within its hops. */
  readonly visible: Uint8Array;
  /** Nodes the filters (roles, dates, graphlet only) hide, lineage view aside. */
  readonly hiddenByFilters: number;
  /** Nodes drawn. */
  readonly visibleCount: number;
}

function count(marks: Uint8Array): number {
  let n = 0;
  for (const m of marks) n += m;
  return n;
}

/** The trace page's derived state. */
export function useTraceDerived(
  graph: TraceGraph,
  graphlets: readonly GraphletSummary[],
  search: TraceSearch,
): TraceDerived {
  const model = useMemo(() => buildTraceModel(graph), [graph]);
  const order = useMemo(() => graphlets.map((g) => String(g.trainer)), [graphlets]);
  const keys = useMemo(() => new Set(order), [order]);
  const times = useMemo(() => {
    const starts = new Map<string, number>();
    for (const g of graphlets) if (g.startMs !== null) starts.set(String(g.trainer), g.startMs);
    return nodeTimes(model, starts);
  }, [model, graphlets]);

  const selected = search.g !== undefined && keys.has(search.g) ? search.g : undefined;
  const members = selected === undefined ? undefined : model.members.get(selected);
  const lineageStart = search.lineage === undefined ? undefined : model.indexOf.get(search.lineage);
  const lineage = useMemo(
    () =>
      lineageStart === undefined ? undefined : lineageWindow(model, lineageStart, search.hops),
    [model, lineageStart, search.hops],
  );
  const filtered = useMemo(
    () =>
      visibleNodes(model, {
        roles: search.roles,
        times,
        ...dayWindow(search.from, search.to),
        only: search.focus ? members : undefined,
      }),
    [model, search.roles, search.from, search.to, search.focus, members, times],
  );
  const visible = useMemo(() => {
    if (lineage === undefined) return filtered;
    const both = new Uint8Array(filtered.length);
    for (let i = 0; i < both.length; i++) both[i] = filtered[i]! & lineage.within[i]!;
    return both;
  }, [filtered, lineage]);
  const hiddenByFilters = useMemo(() => model.nodes.length - count(filtered), [model, filtered]);
  const visibleCount = useMemo(() => count(visible), [visible]);
  return {
    model,
    order,
    keys,
    selected,
    members,
    lineage,
    visible,
    hiddenByFilters,
    visibleCount,
  };
}
