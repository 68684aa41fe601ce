/** Messages between a sync job (main thread) and its worker thread. */
import type { RoleOverride } from '@graphlet/core';
import type { StoreLocation } from '@graphlet/formats';
import type { ImportedTrace } from '../store/imported-source.ts';
import type { TraceUpdate } from '../store/replace-trace.ts';

/** Main to worker: run one sync (one at a time per worker). */
export interface SyncWorkerInput {
  readonly type: 'sync';
  readonly sync: number;
  /** Where the store is, with its password (never posted back, never logged). */
  readonly location: StoreLocation;
  /** The watermark JSON of the last finished sync; null for a first (full) sync. */
  readonly watermark: string | null;
  /**
   * Read just these pipelines whole, and no watermark (a task of a first sync fanned out per
   * pipeline: its plan took the watermark).
   */
  readonly only?: readonly string[];
  readonly roleOverrides: readonly RoleOverride[];
}

/** What changed in the store since the last sync (zeros for a first sync). */
export interface SyncCounts {
  readonly executions: number;
  readonly artifacts: number;
  readonly events: number;
  readonly stateChanges: number;
}

/** The counts of a sync that read no changes (a first sync, or a part of one). */
export const NO_CHANGES: SyncCounts = { executions: 0, artifacts: 0, events: 0, stateChanges: 0 };

/** Worker to main; `sync` names the request it answers. */
export type SyncWorkerMessage = { readonly sync: number } & (
  | { readonly type: 'opened'; readonly schemaVersion: number; readonly pipelines: number }
  | { readonly type: 'trace'; readonly trace: ImportedTrace; readonly update?: TraceUpdate }
  | { readonly type: 'stored'; readonly pipeline: string }
  | {
      readonly type: 'done';
      /** The new watermark; null after a read of named pipelines (`only`). */
      readonly watermark: string | null;
      readonly changes: SyncCounts;
    }
  | { readonly type: 'failed'; readonly code: string; readonly problem: string }
);

/** Main to worker: one trace was written (the worker keeps at most a few unwritten). */
export type SyncWorkerAck = { readonly type: 'ack' };

/** Main to worker: the stored trace JSON of the pipeline asked for (`stored`), or null. */
export type SyncWorkerStored = { readonly type: 'stored'; readonly payload: string | null };
