/** The trace drawn with Cytoscape: server positions, batched class updates, hover and click events. */
import cytoscape, {
  type Core,
  type EdgeCollection,
  type ElementDefinition,
  type NodeCollection,
} from 'cytoscape';
import { useEffect, useRef } from 'react';
import {
  applyStates,
  type DrawnStates,
  edgeClasses,
  initialStates,
} from '../../lib/graph/apply-states.ts';
import { buildElements } from '../../lib/graph/build-elements.ts';
import { chooseRenderer } from '../../lib/graph/cy-renderer.ts';
import { cyStyle, VEIL_KIND } from '../../lib/graph/cy-style.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { type Box, focusViewport, initialViewport, nodesBox } from '../../lib/graph/viewport.ts';
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
  /** The drawn edges by model index; on a large trace they arrive in chunks after the first frame. */
  edges: EdgeCollection;
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
    const count = model.nodes.length + model.edgeSource.length;
    const large = count > 3000;
    const started = performance.now();
    const box = nodesBox(model);
    const all = buildElements(model);
    // A large trace starts with its nodes only (styling and drawing 12,000 edges doubled the time
    // to the first frame); the edges follow in chunks between frames, so input is served meanwhile.
    const elements = large ? all.slice(0, model.nodes.length) : all;
    const pending = large ? all.slice(model.nodes.length) : [];
    elements.push(veilDefinition(box));
    const view = initialViewport(box, element.clientWidth, element.clientHeight);
    performance.measure('graphlet-explorer:elements', { start: started, end: performance.now() });
    const renderer = chooseRenderer();
    const cy = cytoscape({
      container: element,
      // Elements and viewport in the constructor: one style pass, and no boundingBox() of the
      // whole trace before the first frame. The preset layout keeps the server's positions.
      elements,
      layout: { name: 'preset', fit: false },
      zoom: clamp(view.zoom, MIN_ZOOM, MAX_ZOOM),
      pan: view.pan,
      style: cyStyle(),
      textureOnViewport: large && renderer.webgl !== true,
      hideEdgesOnViewport: large && renderer.webgl !== true,
      motionBlur: false,
      pixelRatio: 1,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: false,
      autoungrabify: true,
      // cytoscape's typings do not list `renderer`.
      ...({ renderer } as object),
    });
    if (large) skipLayerTextures(cy);
    const veil = cy.getElementById(VEIL_ID);
    // The model's nodes, by model index (the veil comes last).
    const nodes = cy.nodes().slice(0, model.nodes.length);
    const edges = cy.edges();
    // Read by the benchmark and e2e tests: how long building the canvas took.
    performance.measure('graphlet-explorer:canvas-init', {
      start: started,
      end: performance.now(),
    });
    element.dataset.renderer = renderer.webgl === true ? 'webgl' : 'canvas';
    // The first frame drawn with the elements: when the graph is on screen.
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        performance.measure('graphlet-explorer:first-frame', {
          start: started,
          end: performance.now(),
        }),
      ),
    );
    const d: Drawn = {
      cy,
      nodes,
      edges,
      veil,
      last: initialStates(model.nodes.length, model.edgeSource.length),
    };
    drawn.current = d;
    const stopEdges = addEdgesInChunks(d, pending, model, started);
    window.__graphletExplorer = { cy };
    cy.on('tap', 'node', (event) => handlers.current.onNodeClick(event.target.id() as string));
    cy.on('mouseover', 'node', (event) => {
      handlers.current.onHover(model.indexOf.get(event.target.id() as string));
    });
    cy.on('mouseout', 'node', () => handlers.current.onHover(undefined));
    return () => {
      stopEdges();
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
    const view = focusViewport(nodesBox(model, focus), d.cy.width(), d.cy.height(), d.cy.minZoom());
    d.cy.stop();
    d.cy.animate(view, { duration: 200 });
  }, [model, focus]);

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

const MIN_ZOOM = 0.02;
const MAX_ZOOM = 4;
const VEIL_ID = '__veil';

/**
 * Turns off the canvas renderer's layered texture cache. A trace laid out by time is too wide for
 * its layer bitmaps, so each frame it summed every element's bounds, failed to make a layer and
 * then drew the elements directly anyway: a third of every frame spent for nothing.
 */
function skipLayerTextures(cy: Core): void {
  const renderer = (
    cy as unknown as { renderer(): { data?: { lyrTxrCache?: { getLayers(): unknown } } } }
  ).renderer();
  const cache = renderer.data?.lyrTxrCache;
  if (cache !== undefined) cache.getLayers = () => null;
}

/** Edges per chunk: a chunk and its redraw took 50-95 ms on the 7,083-node bench trace. */
const EDGE_CHUNK = 1000;
/** No chunk starts this long after a key, pointer or wheel event, so the response draws first. */
const INPUT_QUIET_MS = 250;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Adds `pending` edge definitions (model order, after those already drawn) a chunk per idle
 * callback, starting after the nodes' first frame and pausing after user input; each chunk gets
 * the classes of the current states. Returns a function that stops it.
 */
function addEdgesInChunks(
  d: Drawn,
  pending: ElementDefinition[],
  model: TraceModel,
  started: number,
): () => void {
  if (pending.length === 0) return () => {};
  const ends = { source: model.edgeSource, target: model.edgeTarget };
  let next = 0;
  let quietUntil = 0;
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const onInput = () => {
    quietUntil = performance.now() + INPUT_QUIET_MS;
  };
  const stop = () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    if (timer !== undefined) clearTimeout(timer);
    for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, true);
  };
  const schedule = () => {
    timer = undefined;
    idle = requestIdleCallback(step);
  };
  const step = () => {
    idle = undefined;
    const wait = quietUntil - performance.now();
    if (wait > 0) {
      timer = setTimeout(schedule, wait);
      return;
    }
    const first = d.edges.length;
    const chunk = pending.slice(next, next + EDGE_CHUNK);
    chunk.forEach((definition, k) => {
      definition.classes = edgeClasses(d.last, ends, first + k);
    });
    d.edges = d.edges.union(d.cy.add(chunk).edges());
    next += chunk.length;
    if (next < pending.length) schedule();
    else {
      stop();
      performance.measure('graphlet-explorer:edges-added', {
        start: started,
        end: performance.now(),
      });
    }
  };
  for (const type of INPUT_EVENTS)
    window.addEventListener(type, onInput, { capture: true, passive: true });
  frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      frame = undefined;
      schedule();
    });
  });
  return stop;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * One large translucent node above the faded elements (z 5) and below the highlighted ones (z 10+):
 * fading the whole trace costs one style change instead of one per element.
 */
function veilDefinition(box: Box): ElementDefinition {
  const size = Math.max(box.x2 - box.x1, box.y2 - box.y1) * 4 + 2000;
  return {
    group: 'nodes',
    data: { id: VEIL_ID, kind: VEIL_KIND, size },
    position: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 },
    classes: 'hidden',
  };
}
