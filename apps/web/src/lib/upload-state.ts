/** The upload flow as a reducer: sending the file, the import job's progress, done or failed. */
import type { Job } from '../api/schemas.ts';

/** The counters of an import job (contract: bytesRead, bytesTotal, tracesImported, graphletsFound). */
export interface ImportProgress {
  readonly bytesRead?: number | undefined;
  readonly bytesTotal?: number | undefined;
  readonly traces?: number | undefined;
  readonly graphlets?: number | undefined;
}

/** Reads an import job's counters from its open progress record. */
export function importProgress(progress: Job['progress']): ImportProgress {
  const num = (key: string) => {
    const value = progress[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  };
  return {
    bytesRead: num('bytesRead'),
    bytesTotal: num('bytesTotal'),
    traces: num('tracesImported'),
    graphlets: num('graphletsFound'),
  };
}

export type UploadState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'sending';
      readonly fileName: string;
      readonly sent: number;
      readonly total: number;
    }
  | {
      readonly phase: 'importing';
      readonly fileName: string;
      readonly state: 'queued' | 'running';
      readonly progress: ImportProgress;
    }
  | {
      readonly phase: 'done';
      readonly fileName: string;
      readonly progress: ImportProgress;
      readonly alreadyImported: boolean;
    }
  | { readonly phase: 'failed'; readonly fileName: string; readonly message: string };

export type UploadEvent =
  | { readonly type: 'start'; readonly fileName: string; readonly total: number }
  | { readonly type: 'sent'; readonly sent: number; readonly total: number }
  | { readonly type: 'accepted'; readonly job: Job | null }
  | { readonly type: 'job'; readonly status: Job }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'reset' };

export const idleUpload: UploadState = { phase: 'idle' };

/** The next upload state. */
export function uploadReducer(state: UploadState, event: UploadEvent): UploadState {
  if (event.type === 'reset') return idleUpload;
  if (event.type === 'start') {
    return { phase: 'sending', fileName: event.fileName, sent: 0, total: event.total };
  }
  if (state.phase === 'idle') return state;
  const { fileName } = state;
  switch (event.type) {
    case 'sent':
      return state.phase === 'sending' ? { ...state, sent: event.sent, total: event.total } : state;
    case 'accepted':
      if (event.job === null || event.job.state === 'done') {
        const progress = event.job === null ? {} : importProgress(event.job.progress);
        return { phase: 'done', fileName, progress, alreadyImported: true };
      }
      return uploadReducer(state, { type: 'job', status: event.job });
    case 'job': {
      const { status } = event;
      const progress = importProgress(status.progress);
      if (status.state === 'done') {
        return { phase: 'done', fileName, progress, alreadyImported: false };
      }
      if (status.state === 'failed') {
        return { phase: 'failed', fileName, message: jobErrorMessage(status.error) };
      }
      return { phase: 'importing', fileName, state: status.state, progress };
    }
    case 'error':
      return { phase: 'failed', fileName, message: event.message };
  }
}

function jobErrorMessage(error: Job['error']): string {
  return error === undefined ? 'The import failed.' : error.message;
}

/** Completed share in [0, 1] of the current phase, or undefined when it cannot be known. */
export function uploadFraction(state: UploadState): number | undefined {
  switch (state.phase) {
    case 'sending':
      return state.total > 0 ? Math.min(1, state.sent / state.total) : undefined;
    case 'importing': {
      const { bytesRead, bytesTotal } = state.progress;
      if (bytesRead === undefined || bytesTotal === undefined || bytesTotal <= 0) return undefined;
      return Math.min(1, bytesRead / bytesTotal);
    }
    case 'done':
      return 1;
    default:
      return undefined;
  }
}
