/**
 * The minimap: every visible node as a dot coloured by role, the visible window as a rectangle;
 * pressing or dragging in it moves the view there. Drawn from the model's positions in typed
 * loops (7,000 dots a redraw), only when the model, filters or scheme change; the window
 * rectangle follows the viewport on its own layer.
 */
import type { Core } from 'cytoscape';
import { type PointerEvent, useEffect, useMemo, useRef } from 'react';
import { CANVAS_PALETTES, type ColorScheme } from '../../lib/graph/canvas-palette.ts';
import type { TraceModel } from '../../lib/graph/trace-model.ts';
import { nodesBox } from '../../lib/graph/viewport.ts';
import { roleColor } from '../../lib/roles.ts';
import { useViewportExtent } from './use-viewport-extent.ts';

export interface MinimapProps {
  readonly cy: Core;
  readonly model: TraceModel;
  readonly visible: Uint8Array;
  readonly scheme: ColorScheme;
}

const WIDTH = 220;
const HEIGHT = 64;
const PAD = 3;

/** A small overview of the trace with the visible window. */
export function Minimap({ cy, model, visible, scheme }: MinimapProps) {
  const dots = useRef<HTMLCanvasElement>(null);
  const box = useMemo(() => nodesBox(model), [model]);
  const sx = (WIDTH - 2 * PAD) / Math.max(1, box.x2 - box.x1);
  const sy = (HEIGHT - 2 * PAD) / Math.max(1, box.y2 - box.y1);
  const toX = (x: number) => PAD + (x - box.x1) * sx;
  const toY = (y: number) => PAD + (y - box.y1) * sy;

  // biome-ignore lint/correctness/useExhaustiveDependencies: toX/toY derive from box
  useEffect(() => {
    const context = dots.current?.getContext('2d');
    if (context === undefined || context === null) return;
    context.clearRect(0, 0, WIDTH, HEIGHT);
    let current = '';
    for (let i = 0; i < model.nodes.length; i++) {
      if (visible[i] !== 1) continue;
      const color = roleColor(model.roles[i]!, scheme);
      if (color !== current) {
        context.fillStyle = color;
        current = color;
      }
      const node = model.nodes[i]!;
      context.fillRect(Math.round(toX(node.x)) - 1, Math.round(toY(node.y)) - 1, 2, 2);
    }
  }, [model, visible, scheme, box]);

  const extent = useViewportExtent(cy);
  const left = Math.max(0, toX(extent.x1));
  const top = Math.max(0, toY(extent.y1));
  const right = Math.min(WIDTH, toX(extent.x2));
  const bottom = Math.min(HEIGHT, toY(extent.y2));

  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = box.x1 + (event.clientX - rect.left - PAD) / sx;
    const y = box.y1 + (event.clientY - rect.top - PAD) / sy;
    const zoom = cy.zoom();
    cy.stop();
    cy.pan({ x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom });
  };

  return (
    <div
      className="minimap"
      data-testid="minimap"
      style={{ width: WIDTH, height: HEIGHT, background: CANVAS_PALETTES[scheme].background }}
      title="Overview: press or drag to move the view"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        moveTo(event);
      }}
      onPointerMove={(event) => {
        if (event.buttons === 1) moveTo(event);
      }}
      aria-hidden="true"
    >
      <canvas ref={dots} width={WIDTH} height={HEIGHT} />
      <div
        className="minimap-window"
        data-testid="minimap-window"
        style={{
          left,
          top,
          width: Math.max(2, right - left),
          height: Math.max(2, bottom - top),
        }}
      />
    </div>
  );
}
