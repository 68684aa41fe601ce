/** The loaded trace: graphlet timeline, filters, canvas or list, and the side panel; state in the URL. */
import { useCallback, useMemo, useState } from 'react';
import type { GraphletSummary, TraceGraph } from '../../api/schemas.ts';
import { useGraphletKeys } from '../../hooks/use-graphlet-keys.ts';
import { useSearchState } from '../../hooks/use-search-state.ts';
import { tooLargeToDraw } from '../../lib/graph/build-elements.ts';
import { computeHighlight } from '../../lib/graph/highlight.ts';
import { nodeTimes } from '../../lib/graph/node-times.ts';
import { buildTraceModel } from '../../lib/graph/trace-model.ts';
import { dayWindow, visibleNodes } from '../../lib/graph/visible-nodes.ts';
import { graphletOfTrainerNode, stepGraphlet } from '../../lib/graphlet/step-graphlet.ts';
import { type TraceSearch, traceSearch } from '../../lib/url-state.ts';
import { GraphletCard } from './graphlet-card.tsx';
import { GraphletTimeline } from './graphlet-timeline.tsx';
import { NodeList } from './node-list.tsx';
import { NodePanel } from './node-panel.tsx';
import { RoleFilter } from './role-filter.tsx';
import { SkipNotice } from './skip-notice.tsx';
import { TraceCanvas } from './trace-canvas.tsx';
import { TraceFilters } from './trace-filters.tsx';
import { useSkippedGraphlets } from './use-skipped-graphlets.ts';

export interface TraceViewProps {
  readonly traceId: string;
  readonly graph: TraceGraph;
  readonly graphlets: readonly GraphletSummary[];
}

/** Everything on the trace page once its data is loaded. */
export function TraceView({ traceId, graph, graphlets }: TraceViewProps) {
  const [search, setSearch] = useSearchState(traceSearch);
  const [hover, setHover] = useState<number | undefined>(undefined);
  const [centerRequest, setCenterRequest] = useState(0);
  const skipped = useSkippedGraphlets(traceId, search.skip);

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
  const canDraw = !tooLargeToDraw(model);
  const view = canDraw ? search.view : 'list';

  const highlight = useMemo(
    () => computeHighlight(model, { graphlet: members, hover }),
    [model, members, hover],
  );
  const visible = useMemo(
    () =>
      visibleNodes(model, {
        roles: search.roles,
        times,
        ...dayWindow(search.from, search.to),
        only: search.focus ? members : undefined,
      }),
    [model, search.roles, search.from, search.to, search.focus, members, times],
  );
  const states = useMemo(() => ({ ...highlight, visible }), [highlight, visible]);

  const update = useCallback(
    (patch: Partial<TraceSearch>, replace = false) => setSearch(patch, { replace }),
    [setSearch],
  );
  const selectGraphlet = (g: string | undefined) => update({ g });
  const jumpTo = (nodeId: string) => {
    update({ node: nodeId });
    setCenterRequest((n) => n + 1);
  };
  const clickNode = (nodeId: string) => {
    const trainer = graphletOfTrainerNode(nodeId, keys);
    update(trainer === undefined ? { node: nodeId } : { node: nodeId, g: trainer });
  };
  useGraphletKeys((delta) => update({ g: stepGraphlet(order, selected, delta) }));

  const current = graphlets.find((g) => String(g.trainer) === selected);
  return (
    <div className="stack" style={{ gap: 8 }}>
      <section aria-label="Graphlets">
        <div className="toolbar" style={{ marginBottom: 0 }}>
          <h2 style={{ margin: 0 }}>Graphlets ({graphlets.length})</h2>
          <button
            type="button"
            onClick={() => update({ g: stepGraphlet(order, selected, -1) })}
            disabled={order.length === 0}
          >
            ◀ Previous
          </button>
          <button
            type="button"
            onClick={() => update({ g: stepGraphlet(order, selected, 1) })}
            disabled={order.length === 0}
          >
            Next ▶
          </button>
          <span className="key-hint">
            Keys: ← → or [ ] step through graphlets · ▲ pushed · ✕ not pushed
          </span>
        </div>
        <SkipNotice skipped={skipped} onClear={() => update({ skip: undefined })} />
        <GraphletTimeline
          graphlets={graphlets}
          selected={selected}
          onSelect={selectGraphlet}
          skipped={skipped.trainers}
        />
      </section>
      <TraceFilters
        model={model}
        search={search}
        canDraw={canDraw}
        onChange={update}
        onJump={jumpTo}
      />
      <RoleFilter roles={search.roles} onChange={(roles) => update({ roles })} />
      {!canDraw && (
        <p className="notice" role="status">
          This trace has {model.nodes.length.toLocaleString()} nodes and{' '}
          {model.edgeSource.length.toLocaleString()} edges: too large to draw fluidly, so it is
          shown as a list. Search and filters still apply.
        </p>
      )}
      <div className="trace-layout">
        {view === 'graph' ? (
          <TraceCanvas
            model={model}
            states={states}
            chosenNode={search.node}
            focus={members}
            centerRequest={centerRequest}
            onNodeClick={clickNode}
            onHover={setHover}
            exportName={`trace-${traceId}${selected === undefined ? '' : `-graphlet-${selected}`}.png`}
          />
        ) : (
          <NodeList
            model={model}
            visible={visible}
            states={highlight.nodes}
            chosenNode={search.node}
            onSelect={clickNode}
          />
        )}
        <aside className="side-panel" aria-label="Details">
          {search.node !== undefined ? (
            <NodePanel
              key={search.node}
              traceId={traceId}
              nodeId={search.node}
              onSelectNode={jumpTo}
              onSelectGraphlet={selectGraphlet}
              onClose={() => update({ node: undefined })}
            />
          ) : (
            <GraphletCard traceId={traceId} graphlet={current} />
          )}
        </aside>
      </div>
    </div>
  );
}
