/** The upload's progress: phase, bytes, traces and graphlets, announced politely to screen readers. */

import { ProgressBar } from '../../components/progress-bar.tsx';
import { formatBytes } from '../../lib/format.ts';
import { countOf } from '../../lib/plural.ts';
import { type UploadState, uploadFraction } from '../../lib/upload-state.ts';

export interface UploadProgressProps {
  readonly state: UploadState;
  readonly onDismiss: () => void;
  /** Cancels the import job while it is queued or running. */
  readonly onCancel: () => void;
}

/** Text and bar for the current upload state (nothing when idle, but the space stays reserved). */
export function UploadProgress({ state, onDismiss, onCancel }: UploadProgressProps) {
  return (
    <div className="upload-status" aria-live="polite">
      {state.phase !== 'idle' && (
        <>
          <div className="toolbar" style={{ marginBottom: 4 }}>
            <strong>{state.fileName}</strong>
            <span className="muted">{describe(state)}</span>
            {state.phase === 'importing' && (
              <button type="button" className="link" onClick={onCancel}>
                Cancel import
              </button>
            )}
            {(state.phase === 'done' || state.phase === 'failed') && (
              <button type="button" className="link" onClick={onDismiss}>
                Dismiss
              </button>
            )}
          </div>
          {state.phase === 'failed' ? (
            <div className="error-box" role="alert">
              {state.message}
            </div>
          ) : (
            <ProgressBar fraction={uploadFraction(state)} label={`Upload of ${state.fileName}`} />
          )}
        </>
      )}
    </div>
  );
}

function describe(state: UploadState): string {
  switch (state.phase) {
    case 'sending':
      return `Uploading ${formatBytes(state.sent)} of ${formatBytes(state.total)}`;
    case 'importing': {
      const { bytesRead, bytesTotal, traces, graphlets } = state.progress;
      if (state.state === 'queued') return 'Waiting to import…';
      const read =
        bytesRead === undefined
          ? 'Importing'
          : `Importing: read ${formatBytes(bytesRead)}${bytesTotal === undefined ? '' : ` of ${formatBytes(bytesTotal)}`}`;
      return `${read} · ${countOf(traces ?? 0, 'trace')} · ${countOf(graphlets ?? 0, 'graphlet')}`;
    }
    case 'done':
      return state.alreadyImported
        ? 'Already imported: this file is in the corpus.'
        : `Imported ${countOf(state.progress.traces ?? 0, 'trace')} and ${countOf(state.progress.graphlets ?? 0, 'graphlet')}.`;
    case 'failed':
      return 'Upload failed';
    default:
      return '';
  }
}
