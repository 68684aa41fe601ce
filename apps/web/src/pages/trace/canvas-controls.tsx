/** Fit, zoom and PNG export buttons over a Cytoscape canvas. */
import type { Core } from 'cytoscape';

export interface CanvasControlsProps {
  readonly getCy: () => Core | undefined;
  readonly fileName: string;
}

function zoomBy(cy: Core, factor: number): void {
  const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor));
  cy.zoom({ level, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

async function exportPng(cy: Core, fileName: string): Promise<void> {
  const blob = await cy.png({
    output: 'blob-promise',
    full: true,
    bg: '#ffffff',
    scale: 2,
    maxWidth: 8000,
    maxHeight: 8000,
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The canvas's floating control column. */
export function CanvasControls({ getCy, fileName }: CanvasControlsProps) {
  const run = (action: (cy: Core) => void) => () => {
    const cy = getCy();
    if (cy !== undefined) action(cy);
  };
  return (
    <div className="canvas-controls" role="toolbar" aria-label="Canvas controls">
      <button
        type="button"
        onClick={run((cy) => cy.fit(undefined, 20))}
        title="Fit to screen"
        aria-label="Fit to screen"
      >
        ⤢
      </button>
      <button
        type="button"
        onClick={run((cy) => zoomBy(cy, 1.4))}
        title="Zoom in"
        aria-label="Zoom in"
      >
        +
      </button>
      <button
        type="button"
        onClick={run((cy) => zoomBy(cy, 1 / 1.4))}
        title="Zoom out"
        aria-label="Zoom out"
      >
        −
      </button>
      <button
        type="button"
        onClick={run((cy) => void exportPng(cy, fileName))}
        title="Export PNG"
        aria-label="Export as PNG"
      >
        ⤓
      </button>
    </div>
  );
}
