/** Fit, frame-graphlet, zoom and export buttons over the trace canvas, and what the last export did. */
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';

export interface CanvasControlsProps {
  /** Frames every visible node (key F). */
  readonly onFit: () => void;
  /** Frames the selected graphlet (key G); undefined without a selection. */
  readonly onFrameGraphlet: (() => void) | undefined;
  readonly onZoom: (factor: number) => void;
  /** Export actions resolve to a sentence saying what was saved. */
  readonly onExportPng: () => Promise<string>;
  readonly onExportSvg: () => Promise<string>;
}

type Status = { readonly kind: 'busy' | 'done' | 'failed'; readonly text: string } | undefined;

/** The canvas's floating control column. */
export function CanvasControls(props: CanvasControlsProps) {
  const [status, setStatus] = useState<Status>(undefined);
  const exporting = (kind: string, action: () => Promise<string>) => () => {
    setStatus({ kind: 'busy', text: `Exporting ${kind}…` });
    action().then(
      (text) => setStatus({ kind: 'done', text }),
      (error: unknown) =>
        setStatus({ kind: 'failed', text: `${kind} export failed: ${errorMessage(error)}` }),
    );
  };
  return (
    <>
      <div className="canvas-controls" role="toolbar" aria-label="Canvas controls">
        <button
          type="button"
          onClick={props.onFit}
          title="Fit what is visible (F)"
          aria-label="Fit to screen"
        >
          ⤢
        </button>
        <button
          type="button"
          onClick={props.onFrameGraphlet}
          disabled={props.onFrameGraphlet === undefined}
          title={
            props.onFrameGraphlet === undefined
              ? 'Select a graphlet to frame it'
              : 'Frame the selected graphlet (G)'
          }
          aria-label="Frame the selected graphlet"
        >
          ◎
        </button>
        <button
          type="button"
          onClick={() => props.onZoom(1.4)}
          title="Zoom in"
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => props.onZoom(1 / 1.4)}
          title="Zoom out"
          aria-label="Zoom out"
        >
          −
        </button>
        <button
          type="button"
          onClick={exporting('PNG', props.onExportPng)}
          disabled={status?.kind === 'busy'}
          title="Export as PNG"
          aria-label="Export as PNG"
        >
          PNG
        </button>
        <button
          type="button"
          onClick={exporting('SVG', props.onExportSvg)}
          disabled={status?.kind === 'busy'}
          title="Export as SVG"
          aria-label="Export as SVG"
        >
          SVG
        </button>
      </div>
      {status !== undefined && (
        <p
          className={`export-status${status.kind === 'failed' ? ' failed' : ''}`}
          role={status.kind === 'failed' ? 'alert' : 'status'}
          data-testid="export-status"
        >
          {status.text}{' '}
          <button type="button" className="link-button" onClick={() => setStatus(undefined)}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
