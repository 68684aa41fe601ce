/** The trace drawn with Cytoscape: server positions, batched class updates, hover and click events. */
import cytoscape, {
  type CollectionArgument,
  type Core,
  type EdgeCollection,
  type NodeCollection,
} from 'cytoscape';
import { useEffect, useRef } from 'react';
import { applyStates, type DrawnStates, initialStates } from '../../lib/graph/apply-states.ts';
import { buildElements } from '../../lib/graph/build-elements.ts';
import { cyStyle, VEIL_KIND } from '../../lib/graph/cy-style.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { CanvasControls } from './canvas-controls.tsx';

declare global {
  interface Window {
    /** Test hook: the live Cytoscape instance of the page. */
    __graphletExplorer?: { cy: Core };
  }
}

export interface TraceCanvasProps {
  readonly model: TraceModel;
  readonly states: DrawnStates & { readonly active: boolean };
  readonly chosenNode: string | undefined;
  /** Node indices of the selected graphlet: the viewport moves to them when they change. */
  readonly focus: Int32Array | undefined;
  /** Incremented to ask the canvas to center on `chosenNode`. */
  readonly centerRequest: number;
  readonly onNodeClick: (nodeId: string) => void;
  readonly onHover: (index: number | undefined) => void;
  readonly exportName: string;
}

interface Drawn {
  readonly cy: Core;
  readonly nodes: NodeCollection;
  readonly edges: EdgeCollection;
  readonly veil: NodeCollection;
  last: DrawnStates;
}

/** A Cytoscape canvas of a trace model. */
export function TraceCanvas(props: TraceCanvasProps) {
  const { model, states, chosenNode, centerRequest, focus } = props;
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | undefined>(undefined);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const large = model.nodes.length + model.edgeSource.length > 3000;
    const started = performance.now();
    const cy = cytoscape({
      container: element,
      style: cyStyle(),
      textureOnViewport: large,
      hideEdgesOnViewport: large,
      motionBlur: false,
      minZoom: 0.02,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    // Added after construction, so no layout runs: positions are the server's (x by time).
    cy.add(buildElements(model));
    const nodes = cy.nodes();
    const edges = cy.edges();
    initialViewport(cy);
    const veil = addVeil(cy);
    // Read by the benchmark and e2e tests: how long building the canvas took.
    performance.measure('graphlet-explorer:canvas-init', {
      start: started,
      end: performance.now(),
    });
    drawn.current = { cy, nodes, edges, veil, last: initialStates(nodes.length, edges.length) };
    window.__graphletExplorer = { cy };
    cy.on('tap', 'node', (event) => handlers.current.onNodeClick(event.target.id() as string));
    cy.on('mouseover', 'node', (event) => {
      handlers.current.onHover(model.indexOf.get(event.target.id() as string));
    });
    cy.on('mouseout', 'node', () => handlers.current.onHover(undefined));
    return () => {
      drawn.current = undefined;
      if (window.__graphletExplorer?.cy === cy) delete window.__graphletExplorer;
      cy.destroy();
    };
  }, [model]);

  useEffect(() => {
    const d = drawn.current;
    if (d === undefined) return;
    applyStates(
      d.cy,
      d.nodes,
      d.edges,
      { source: model.edgeSource, target: model.edgeTarget },
      d.last,
      states,
    );
    d.last = states;
    d.veil.toggleClass('hidden', !states.active);
  }, [model, states]);

  useEffect(() => {
    const d = drawn.current;
    if (d === undefined || focus === undefined || focus.length === 0) return;
    // cy.collection accepts an element array at runtime; its typings only list definitions.
    const members = d.cy.collection(
      Array.from(focus, (i) => d.nodes[i]!) as unknown as CollectionArgument,
    );
    d.cy.stop();
    d.cy.animate(fitView(d.cy, members), { duration: 200 });
  }, [focus]);

  useEffect(() => {
    const d = drawn.current;
    if (d === undefined) return;
    d.cy.batch(() => {
      d.cy.nodes('.chosen').removeClass('chosen');
      if (chosenNode !== undefined) d.cy.getElementById(chosenNode).addClass('chosen');
    });
  }, [chosenNode]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new request re-centers (a click keeps the viewport still)
  useEffect(() => {
    const d = drawn.current;
    if (d === undefined || centerRequest === 0 || chosenNode === undefined) return;
    const node = d.cy.getElementById(chosenNode);
    if (node.nonempty())
      d.cy.animate({ center: { eles: node }, zoom: Math.max(d.cy.zoom(), 1.2) }, { duration: 250 });
  }, [centerRequest]);

  return (
    <div className="canvas-wrap">
      <div
        ref={container}
        className="canvas"
        role="img"
        aria-label={`Trace graph with ${model.nodes.length} nodes and ${model.edgeSource.length} edges; use the list view to browse nodes by keyboard`}
        data-testid="trace-canvas"
      />
      <CanvasControls getCy={() => drawn.current?.cy} fileName={props.exportName} />
    </div>
  );
}

/**
 * Fits the whole trace unless it is a long, flat timeline (the server lays x out by time); then it
 * fits the height and starts at the beginning, so lanes stay readable instead of a 1-px strip.
 */
function initialViewport(cy: Core): void {
  const box = cy.elements().boundingBox({ includeLabels: false, includeOverlays: false });
  const pad = 20;
  const fitAll = Math.min(
    (cy.width() - 2 * pad) / Math.max(1, box.w),
    (cy.height() - 2 * pad) / Math.max(1, box.h),
  );
  const fitHeight = Math.min(1, (cy.height() - 2 * pad) / Math.max(1, box.h));
  if (fitHeight <= fitAll * 4) {
    cy.fit(undefined, pad);
    return;
  }
  cy.zoom(fitHeight);
  cy.pan({ x: pad - box.x1 * fitHeight, y: pad - box.y1 * fitHeight });
}

/**
 * One large translucent node above the faded elements (z 5) and below the highlighted ones (z 10+):
 * fading the whole trace costs one style change instead of one per element.
 */
function addVeil(cy: Core): NodeCollection {
  const box = cy.nodes().boundingBox({ includeLabels: false, includeOverlays: false });
  const size = Math.max(box.w, box.h) * 4 + 2000;
  return cy.add({
    group: 'nodes',
    data: { id: '__veil', kind: VEIL_KIND, size },
    position: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 },
    classes: 'hidden',
  });
}

/** Zoom and pan that fit `members` with padding, never closer than 1.5x (a lone trainer stays small). */
function fitView(
  cy: Core,
  members: ReturnType<Core['collection']>,
): { zoom: number; pan: { x: number; y: number } } {
  const box = members.boundingBox({ includeLabels: false, includeOverlays: false });
  const pad = 48;
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(
      1.5,
      (cy.width() - 2 * pad) / Math.max(1, box.w),
      (cy.height() - 2 * pad) / Math.max(1, box.h),
    ),
  );
  const cx = (box.x1 + box.x2) / 2;
  const cy2 = (box.y1 + box.y2) / 2;
  return { zoom, pan: { x: cy.width() / 2 - cx * zoom, y: cy.height() / 2 - cy2 * zoom } };
}
