/** The model-space rectangle a Cytoscape canvas shows, updated at most once per frame while it moves. */
import type { Core } from 'cytoscape';
import { useEffect, useState } from 'react';

export interface Extent {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Canvas size in px. */
  readonly width: number;
  readonly height: number;
}

function read(cy: Core): Extent {
  const e = cy.extent();
  return { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, width: cy.width(), height: cy.height() };
}

/** The current extent of `cy`, following pan, zoom and resize. */
export function useViewportExtent(cy: Core): Extent {
  const [extent, setExtent] = useState(() => read(cy));
  useEffect(() => {
    let frame: number | undefined;
    const update = () => {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        setExtent(read(cy));
      });
    };
    cy.on('viewport resize', update);
    update();
    return () => {
      cy.removeListener('viewport resize', update);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [cy]);
  return extent;
}
