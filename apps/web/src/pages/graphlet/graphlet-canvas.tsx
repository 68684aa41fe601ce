/** One graphlet drawn left to right with ELK's layered layout (computed in a Web Worker). */
import cytoscape from 'cytoscape';
import { useEffect, useMemo, useRef } from 'react';
import type { GraphletDetail } from '../../api/schemas.ts';
import { ErrorMessage } from '../../components/error-message.tsx';
import { Skeleton } from '../../components/skeleton.tsx';
import { useColorScheme } from '../../hooks/use-color-scheme.ts';
import { useElkLayout } from '../../hooks/use-elk-layout.ts';
import { buildElements } from '../../lib/graph/build-elements.ts';
import { cyStyle } from '../../lib/graph/cy-style.ts';
import { canvasMeasure, placeLabels } from '../../lib/graph/label-placement.ts';
import { buildTraceModel } from '../../lib/graph/trace-model.ts';
import { elkGraph } from '../../lib/graphlet/elk-graph.ts';
import { countOf } from '../../lib/plural.ts';

export interface GraphletCanvasProps {
  readonly detail: GraphletDetail;
}

/** The graphlet's subgraph (labels appear when zoomed in, as on the trace page). */
export function GraphletCanvas({ detail }: GraphletCanvasProps) {
  const model = useMemo(
    () => buildTraceModel({ nodes: detail.nodes, edges: detail.edges }),
    [detail],
  );
  const graph = useMemo(() => elkGraph(detail.nodes, detail.edges), [detail]);
  const layout = useElkLayout(graph);
  const container = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();

  useEffect(() => {
    const element = container.current;
    if (element === null || layout.state !== 'done') return;
    const shown = placeLabels(model, model.labels, canvasMeasure(), layout.positions);
    const cy = cytoscape({
      container: element,
      elements: buildElements(model, shown, layout.positions),
      style: cyStyle(scheme),
      layout: { name: 'preset', fit: true, padding: 24 },
      autoungrabify: true,
      boxSelectionEnabled: false,
      maxZoom: 2,
    });
    window.__graphletExplorer = { cy };
    return () => {
      if (window.__graphletExplorer?.cy === cy) delete window.__graphletExplorer;
      cy.destroy();
    };
  }, [model, layout, scheme]);

  return (
    <div className="graphlet-canvas">
      {layout.state === 'pending' && <Skeleton height="100%" label="Laying out the graphlet" />}
      {layout.state === 'failed' && (
        <ErrorMessage error={new Error(layout.message)} title="Layout failed" />
      )}
      <div
        ref={container}
        className="canvas"
        role="img"
        aria-label={`Graphlet of trainer ${detail.graphlet.trainer}: ${countOf(detail.nodes.length, 'node')}, ${countOf(detail.edges.length, 'edge')}`}
      />
    </div>
  );
}
