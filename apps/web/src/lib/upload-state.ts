/** Where an upload stands (sending the file, the import job's progress, done or failed), from its mutation and job query. */
import { errorMessage } from '../api/api-error.ts';
import type { Job } from '../api/schemas.ts';

/** The counters of an import job (contract: bytesRead, bytesTotal, tracesImported, graphletsFound). */
interface ImportProgress {
  readonly bytesRead?: number | undefined;
  readonly bytesTotal?: number | undefined;
  readonly traces?: number | undefined;
  readonly graphlets?: number | undefined;
}

/** Reads an import job's counters from its open progress record. */
function importProgress(progress: Job['progress']): ImportProgress {
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

const idleUpload: UploadState = { phase: 'idle' };

/** Bytes of the request body sent so far. */
export interface SendProgress {
  readonly sent: number;
  readonly total: number;
}

/** What an upload's mutation and job query know (see useUpload). */
export interface UploadFacts {
  readonly fileName: string | undefined;
  readonly status: 'idle' | 'pending' | 'success' | 'error';
  readonly sending: SendProgress | null;
  /** The import job's latest document: from its event stream, else as the upload answered it. */
  readonly job: Job | null;
  /** What the mutation resolved with: the finished job, or null when the file was imported before. */
  readonly result: { readonly job: Job | null; readonly alreadyImported: boolean } | undefined;
  readonly error: unknown;
}

/** The upload state the page shows. */
export function uploadState(facts: UploadFacts): UploadState {
  const fileName = facts.fileName ?? '';
  switch (facts.status) {
    case 'idle':
      return idleUpload;
    case 'error':
      return { phase: 'failed', fileName, message: errorMessage(facts.error) };
    case 'success': {
      const job = facts.result?.job ?? null;
      const progress = job === null ? {} : importProgress(job.progress);
      return {
        phase: 'done',
        fileName,
        progress,
        alreadyImported: facts.result?.alreadyImported ?? false,
      };
    }
  }
  const { job, sending } = facts;
  if (job === null) {
    return { phase: 'sending', fileName, sent: sending?.sent ?? 0, total: sending?.total ?? 0 };
  }
  const progress = importProgress(job.progress);
  if (job.state === 'done') return { phase: 'done', fileName, progress, alreadyImported: false };
  if (job.state === 'failed') return { phase: 'failed', fileName, message: jobErrorMessage(job) };
  if (job.state === 'canceled') return { phase: 'failed', fileName, message: CANCELED_MESSAGE };
  return { phase: 'importing', fileName, state: job.state, progress };
}

/** What the page says of an import a user canceled. */
export const CANCELED_MESSAGE = 'The import was canceled; nothing of the file was stored.';

/** What a failed import job says went wrong. */
export function jobErrorMessage(job: Job): string {
  return job.error === undefined ? 'The import failed.' : job.error.message;
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
