/** The loaded trace: graphlet timeline, filters, canvas or list, and the side panel; state in the URL. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { GraphletSummary, TraceGraph } from '../../api/schemas.ts';
import { useColorScheme } from '../../hooks/use-color-scheme.ts';
import { useGraphletKeys } from '../../hooks/use-graphlet-keys.ts';
import { useSearchState } from '../../hooks/use-search-state.ts';
import { useShortcutKeys } from '../../hooks/use-shortcut-keys.ts';
import { tooLargeToDraw } from '../../lib/graph/build-elements.ts';
import { computeHighlight } from '../../lib/graph/highlight.ts';
import { graphletOfTrainerNode, stepGraphlet } from '../../lib/graphlet/step-graphlet.ts';
import { countOf } from '../../lib/plural.ts';
import { type TraceSearch, traceSearch } from '../../lib/url-state.ts';
import { FilterStatus } from './filter-status.tsx';
import { GraphletCard } from './graphlet-card.tsx';
import { GraphletStrip } from './graphlet-strip.tsx';
import { LineageBar } from './lineage-bar.tsx';
import { NodeList } from './node-list.tsx';
import { NodePanel } from './node-panel.tsx';
import { RoleFilter } from './role-filter.tsx';
import { type FitTarget, TraceCanvas } from './trace-canvas.tsx';
import { TraceFilters } from './trace-filters.tsx';
import { useTraceDerived } from './use-trace-derived.ts';

export interface TraceViewProps {
  readonly traceId: string;
  readonly name: string;
  readonly graph: TraceGraph;
  readonly graphlets: readonly GraphletSummary[];
}

/** Everything on the trace page once its data is loaded. */
export function TraceView({ traceId, name, graph, graphlets }: TraceViewProps) {
  const [search, setSearch] = useSearchState(traceSearch);
  // A link to a node (the corpus search, a shared URL) opens with the view centred on it.
  const [center, setCenter] = useState<{ node: string; seq: number } | undefined>(() =>
    search.node === undefined ? undefined : { node: search.node, seq: 0 },
  );
  // The corpus search also centres on a node of the trace already open (it marks its links).
  const location = useLocation();
  const centerFromLink = (location.state as { centerNode?: boolean } | null)?.centerNode === true;
  const linkedNode = search.node;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per navigation (location.key), not per click on a node
  useEffect(() => {
    if (centerFromLink && linkedNode !== undefined)
      setCenter((c) => ({ node: linkedNode, seq: (c?.seq ?? 0) + 1 }));
  }, [location.key]);
  const scheme = useColorScheme();
  const t = useTraceDerived(graph, graphlets, search);
  const { model, order, keys, selected, members, visible } = t;
  const canDraw = !tooLargeToDraw(model);
  const view = canDraw ? search.view : 'list';

  // Filters, graphlet-only focus and the lineage view refit the canvas to what stays visible.
  const filterKey = [
    search.roles.join(),
    search.from,
    search.to,
    search.focus,
    search.lineage,
    search.hops,
  ].join('|');
  const [fit, setFit] = useState<{ target: FitTarget; seq: number }>(() => ({
    target: 'visible',
    seq: t.visibleCount < model.nodes.length && t.visibleCount > 0 ? 1 : 0,
  }));
  const firstFilterKey = useRef(filterKey);
  useEffect(() => {
    if (filterKey === firstFilterKey.current) return;
    firstFilterKey.current = filterKey;
    setFit((f) => ({ target: 'visible', seq: f.seq + 1 }));
  }, [filterKey]);
  const frame = (target: FitTarget) => setFit((f) => ({ target, seq: f.seq + 1 }));

  // The list view's highlight (the canvas adds the hovered node's lineage itself).
  const highlight = useMemo(() => computeHighlight(model, { graphlet: members }), [model, members]);

  // Every change of view state replaces the history entry, so Back leaves the trace; entering or
  // leaving a lineage view pushes one, as a change of view.
  const update = useCallback(
    (patch: Partial<TraceSearch>, push = false) => setSearch(patch, { replace: !push }),
    [setSearch],
  );
  // A graphlet choice not yet in the URL: key repeats faster than navigation step on from it.
  const pending = useRef<{ g: string | undefined } | undefined>(undefined);
  if (pending.current !== undefined && pending.current.g === selected) pending.current = undefined;
  const selectGraphlet = (g: string | undefined, patch: Partial<TraceSearch> = {}) => {
    pending.current = { g };
    update({ ...patch, g });
  };
  const step = (delta: 1 | -1) => {
    const from = pending.current === undefined ? selected : pending.current.g;
    selectGraphlet(stepGraphlet(order, from, delta));
  };
  const jumpTo = (nodeId: string) => {
    update({ node: nodeId });
    setCenter((c) => ({ node: nodeId, seq: (c?.seq ?? 0) + 1 }));
  };
  const clickNode = (nodeId: string) => {
    const trainer = graphletOfTrainerNode(nodeId, keys);
    if (trainer === undefined) update({ node: nodeId });
    else selectGraphlet(trainer, { node: nodeId });
  };
  const labelOf = (nodeId: string) => {
    const i = model.indexOf.get(nodeId);
    return i === undefined ? undefined : model.labels[i];
  };
  useGraphletKeys(step);
  useShortcutKeys({
    f: () => frame('visible'),
    g: () => {
      if (members !== undefined) frame('graphlet');
    },
  });

  const summary = graphlets.find((g) => String(g.trainer) === selected);
  const lineageFiltered = t.lineage === undefined ? 0 : t.lineage.shown - t.visibleCount;
  return (
    <div className="stack" style={{ gap: 8 }}>
      <GraphletStrip
        graphlets={graphlets}
        selected={selected}
        traceId={traceId}
        skip={search.skip}
        onSelect={(g) => selectGraphlet(g)}
        onStep={step}
        onClearSkip={() => update({ skip: undefined })}
      />
      <TraceFilters
        model={model}
        search={search}
        canDraw={canDraw}
        onChange={update}
        onJump={jumpTo}
      />
      <RoleFilter roles={search.roles} scheme={scheme} onChange={(roles) => update({ roles })} />
      {search.lineage !== undefined && (
        <LineageBar
          nodeId={search.lineage}
          label={labelOf(search.lineage)}
          hops={search.hops}
          window={t.lineage}
          filteredOut={lineageFiltered}
          onHops={(hops) => update({ hops })}
          onExit={() => update({ lineage: undefined, hops: undefined }, true)}
        />
      )}
      <FilterStatus
        search={search}
        total={model.nodes.length}
        hidden={t.hiddenByFilters}
        onClear={() => update({ roles: [], from: undefined, to: undefined, focus: false })}
      />
      {!canDraw && (
        <p className="notice" role="status">
          This trace has {countOf(model.nodes.length, 'node')} and{' '}
          {countOf(model.edgeSource.length, 'edge')}: too large to draw fluidly, so it is shown as a
          list. Search and filters still apply.
        </p>
      )}
      <div className="trace-layout">
        {view === 'graph' ? (
          <TraceCanvas
            model={model}
            visible={visible}
            scheme={scheme}
            chosenNode={search.node}
            focus={members}
            centerRequest={center}
            fitRequest={fit}
            onNodeClick={clickNode}
            exportName={`trace-${traceId}${selected === undefined ? '' : `-graphlet-${selected}`}`}
            title={`${name}${selected === undefined ? '' : `, graphlet of trainer ${selected}`}`}
          />
        ) : (
          <NodeList
            model={model}
            visible={visible}
            states={highlight.nodes}
            query={search.q}
            chosenNode={search.node}
            scheme={scheme}
            onSelect={clickNode}
          />
        )}
        <aside className="side-panel" aria-label="Details">
          {search.node !== undefined ? (
            <NodePanel
              key={search.node}
              traceId={traceId}
              nodeId={search.node}
              labelOf={labelOf}
              hops={search.hops}
              onSelectNode={jumpTo}
              onSelectGraphlet={(g) => selectGraphlet(g)}
              onShowLineage={(nodeId) => update({ lineage: nodeId }, true)}
              onClose={() => update({ node: undefined })}
            />
          ) : (
            <GraphletCard traceId={traceId} graphlet={summary} />
          )}
        </aside>
      </div>
    </div>
  );
}
