/** The trace drawn with Cytoscape: server positions, batched class updates, pointer events, viewport requests. */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { applyStates, initialStates } from '../../lib/graph/apply-states.ts';
import { buildElements } from '../../lib/graph/build-elements.ts';
import type { ColorScheme } from '../../lib/graph/canvas-palette.ts';
import { chooseRenderer } from '../../lib/graph/cy-renderer.ts';
import { cyStyle } from '../../lib/graph/cy-style.ts';
import { computeHighlight } from '../../lib/graph/highlight.ts';
import { canvasMeasure, placeLabels } from '../../lib/graph/label-placement.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { traceSvg } from '../../lib/graph/trace-svg.ts';
import {
  fitViewport,
  focusViewport,
  initialViewport,
  markedBox,
  nodesBox,
} from '../../lib/graph/viewport.ts';
import { countOf } from '../../lib/plural.ts';
import { CanvasControls } from './canvas-controls.tsx';
import { exportPng, exportSvg } from './canvas-export.ts';
import {
  addEdgesInChunks,
  type Drawn,
  followContainerMoves,
  showLabelsWhenZoomedIn,
  skipLayerTextures,
  VEIL_ID,
  veilDefinition,
} from './canvas-setup.ts';
import { Minimap } from './minimap.tsx';
import { TimeAxis } from './time-axis.tsx';

declare global {
  interface Window {
    /** Test hook: the live Cytoscape instance of the page. */
    __graphletExplorer?: { cy: Core };
  }
}

/** What to frame: every visible node, or the selected graphlet. */
export type FitTarget = 'visible' | 'graphlet';

export interface TraceCanvasProps {
  readonly model: TraceModel;
  /** 1 per node drawn (filters, lineage view). */
  readonly visible: Uint8Array;
  readonly scheme: ColorScheme;
  readonly chosenNode: string | undefined;
  /** Node indices of the selected graphlet: lit, and the viewport moves to them when they change. */
  readonly focus: Int32Array | undefined;
  /** A new `seq` asks the canvas to center on `node`. */
  readonly centerRequest: { readonly node: string; readonly seq: number } | undefined;
  /** A new `seq` asks the canvas to frame `target` (seq 0 at mount: the initial view instead). */
  readonly fitRequest: { readonly target: FitTarget; readonly seq: number };
  readonly onNodeClick: (nodeId: string) => void;
  /** Export file name without extension. */
  readonly exportName: string;
  /** Title of exported SVGs. */
  readonly title: string;
}

const MAX_ZOOM = 4;
/** Height of the time axis over the canvas's top edge: framing leaves it free. */
const AXIS_INSET = 36;

/** A view computed for the canvas below the time axis, moved down by the axis's height. */
function belowAxis(view: { zoom: number; pan: { x: number; y: number } }) {
  return { zoom: view.zoom, pan: { x: view.pan.x, y: view.pan.y + AXIS_INSET } };
}
/** Zooms below this are allowed only as far as needed to fit the whole trace. */
const MIN_ZOOM = 0.02;

/** A Cytoscape canvas of a trace model. */
export function TraceCanvas(props: TraceCanvasProps) {
  const { model, visible, chosenNode, centerRequest, fitRequest, focus, scheme } = props;
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | undefined>(undefined);
  const [cy, setCy] = useState<Core | undefined>(undefined);
  const latest = useRef(props);
  latest.current = props;
  /** The labels drawn without overlap, placed on first need (zooming in, SVG export). */
  const placed = useRef<() => Uint8Array>(() => new Uint8Array(0));

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const { scheme: initialScheme } = latest.current;
    const count = model.nodes.length + model.edgeSource.length;
    const large = count > 3000;
    const started = performance.now();
    const box = nodesBox(model);
    // No labels yet: they appear from zoom 1 (see showLabelsWhenZoomedIn).
    const all = buildElements(model, new Uint8Array(model.nodes.length));
    // A large trace starts with its nodes only (styling and drawing 12,000 edges doubled the time
    // to the first frame); the edges follow in chunks between frames, so input is served meanwhile.
    const elements = large ? all.slice(0, model.nodes.length) : all;
    const pending = large ? all.slice(model.nodes.length) : [];
    elements.push(veilDefinition(box));
    const width = element.clientWidth;
    const height = element.clientHeight;
    const minZoom = Math.max(
      0.001,
      Math.min(MIN_ZOOM, 0.8 * fitViewport(box, width, height, 0, MAX_ZOOM).zoom),
    );
    const view = belowAxis(initialViewport(box, width, height - AXIS_INSET, model.nodes.length));
    performance.measure('graphlet-explorer:elements', { start: started, end: performance.now() });
    const renderer = chooseRenderer();
    const instance = cytoscape({
      container: element,
      // Elements and viewport in the constructor: one style pass, and no boundingBox() of the
      // whole trace before the first frame. The preset layout keeps the server's positions.
      elements,
      layout: { name: 'preset', fit: false },
      zoom: Math.min(MAX_ZOOM, Math.max(minZoom, view.zoom)),
      pan: view.pan,
      style: cyStyle(initialScheme),
      textureOnViewport: large && renderer.webgl !== true,
      hideEdgesOnViewport: large && renderer.webgl !== true,
      motionBlur: false,
      pixelRatio: 1,
      minZoom,
      maxZoom: MAX_ZOOM,
      boxSelectionEnabled: false,
      autoungrabify: true,
      // cytoscape's typings do not list `renderer`.
      ...({ renderer } as object),
    });
    if (large) skipLayerTextures(instance);
    const d: Drawn = {
      cy: instance,
      // The model's nodes, by model index (the veil comes last).
      nodes: instance.nodes().slice(0, model.nodes.length),
      edges: instance.edges(),
      veil: instance.getElementById(VEIL_ID) as NodeSingular,
      last: initialStates(model.nodes.length, model.edgeSource.length),
    };
    drawn.current = d;
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
    const stopEdges = addEdgesInChunks(d, pending, model, started);
    const stopFollowing = followContainerMoves(instance, element);
    let shown: Uint8Array | undefined;
    placed.current = () => {
      shown ??= placeLabels(model, model.labels, canvasMeasure());
      return shown;
    };
    const stopLabels = showLabelsWhenZoomedIn(d, model, placed.current);
    window.__graphletExplorer = { cy: instance };
    instance.on('tap', 'node', (event) => latest.current.onNodeClick(event.target.id() as string));
    // Hover restyles straight from Cytoscape's event, without a React render of the page.
    instance.on('mouseover', 'node', (event) => {
      hover.current = model.indexOf.get(event.target.id() as string);
      restyle.current();
    });
    const leave = () => {
      if (hover.current === undefined) return;
      hover.current = undefined;
      restyle.current();
    };
    instance.on('mouseout', 'node', leave);
    // Leaving the canvas from over a node emits no mouseout (Cytoscape stops at its container).
    element.addEventListener('mouseleave', leave);
    setCy(instance);
    return () => {
      stopEdges();
      stopFollowing();
      stopLabels();
      element.removeEventListener('mouseleave', leave);
      drawn.current = undefined;
      setCy(undefined);
      if (window.__graphletExplorer?.cy === instance) delete window.__graphletExplorer;
      instance.destroy();
    };
  }, [model]);

  const firstScheme = useRef(scheme);
  useEffect(() => {
    if (scheme === firstScheme.current) return;
    firstScheme.current = scheme;
    drawn.current?.cy.style(cyStyle(scheme));
  }, [scheme]);

  /** Highlight (the hovered node's lineage, else the graphlet) and visibility onto the canvas. */
  const hover = useRef<number | undefined>(undefined);
  const restyle = useRef(() => {});
  restyle.current = () => {
    const d = drawn.current;
    if (d === undefined) return;
    const started = performance.now();
    const { focus: graphlet, visible: shown } = latest.current;
    const next = { ...computeHighlight(model, { graphlet, hover: hover.current }), visible: shown };
    applyStates(
      d.cy,
      d.nodes,
      d.edges,
      { source: model.edgeSource, target: model.edgeTarget },
      d.last,
      next,
    );
    d.last = next;
    d.veil.toggleClass('hidden', !next.active);
    // Read by the benchmark: restyling after a selection or hover (drawing follows in a frame).
    performance.measure('graphlet-explorer:apply-states', {
      start: started,
      end: performance.now(),
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: restyle reads focus and visible through latest
  useEffect(() => restyle.current(), [model, focus, visible]);

  /** Moves the viewport to frame `target`; false when there is nothing to frame. */
  const frame = (target: FitTarget, animate: boolean): boolean => {
    const d = drawn.current;
    if (d === undefined) return false;
    const { focus: members, visible: current } = latest.current;
    const box =
      target === 'graphlet'
        ? members === undefined || members.length === 0
          ? undefined
          : nodesBox(model, members)
        : markedBox(model, current);
    if (box === undefined) return false;
    const height = d.cy.height() - AXIS_INSET;
    const view = belowAxis(
      target === 'graphlet'
        ? focusViewport(box, d.cy.width(), height, d.cy.minZoom())
        : fitViewport(box, d.cy.width(), height, d.cy.minZoom(), 1.5),
    );
    d.cy.stop();
    if (animate) d.cy.animate(view, { duration: 200 });
    else d.cy.viewport(view);
    return true;
  };

  const frameRef = useRef(frame);
  frameRef.current = frame;

  useEffect(() => {
    if (focus === undefined || focus.length === 0) return;
    frameRef.current('graphlet', true);
  }, [focus]);

  const lastFit = useRef(0);
  useEffect(() => {
    if (fitRequest.seq === 0 || fitRequest.seq === lastFit.current) return;
    // The first request after mount (filters in the URL) jumps; later ones animate.
    frameRef.current(fitRequest.target, lastFit.current !== 0);
    lastFit.current = fitRequest.seq;
  }, [fitRequest]);

  useEffect(() => {
    const d = drawn.current;
    if (d === undefined) return;
    d.cy.batch(() => {
      d.cy.nodes('.chosen').removeClass('chosen');
      if (chosenNode !== undefined) d.cy.getElementById(chosenNode).addClass('chosen');
    });
  }, [chosenNode]);

  useEffect(() => {
    const d = drawn.current;
    if (d === undefined || centerRequest === undefined) return;
    const node = d.cy.getElementById(centerRequest.node);
    if (node.empty()) return;
    const zoom = Math.max(d.cy.zoom(), 1.2);
    const at = node.position();
    d.cy.stop();
    d.cy.animate(
      { zoom, pan: { x: d.cy.width() / 2 - at.x * zoom, y: d.cy.height() / 2 - at.y * zoom } },
      { duration: 250 },
    );
  }, [centerRequest]);

  const zoomBy = (factor: number) => {
    const c = drawn.current?.cy;
    if (c === undefined) return;
    const level = Math.min(c.maxZoom(), Math.max(c.minZoom(), c.zoom() * factor));
    c.zoom({ level, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
  };

  const saveSvg = async () => {
    const p = latest.current;
    const d = drawn.current;
    if (d === undefined) throw new Error('the canvas is not ready');
    const svg = traceSvg({
      model,
      nodes: d.last.nodes,
      edges: d.last.edges,
      visible: d.last.visible,
      shown: placed.current(),
      scheme: p.scheme,
      title: p.title,
    });
    let drawnNodes = 0;
    for (const v of d.last.visible) drawnNodes += v;
    return exportSvg(svg, `${p.exportName}.svg`, drawnNodes);
  };

  const savePng = async () => {
    const d = drawn.current;
    if (d === undefined) throw new Error('the canvas is not ready');
    return exportPng(d.cy, d.veil, `${latest.current.exportName}.png`, latest.current.scheme);
  };

  return (
    <div className="canvas-wrap">
      <div
        ref={container}
        className="canvas"
        role="img"
        aria-label={`Trace graph with ${countOf(model.nodes.length, 'node')} and ${countOf(model.edgeSource.length, 'edge')}; use the list view to browse nodes by keyboard`}
        data-testid="trace-canvas"
      />
      {cy !== undefined && <TimeAxis cy={cy} model={model} />}
      {cy !== undefined && <Minimap cy={cy} model={model} visible={visible} scheme={scheme} />}
      <CanvasControls
        onFit={() => frame('visible', true)}
        onFrameGraphlet={
          focus === undefined || focus.length === 0 ? undefined : () => frame('graphlet', true)
        }
        onZoom={zoomBy}
        onExportPng={savePng}
        onExportSvg={saveSvg}
      />
    </div>
  );
}
