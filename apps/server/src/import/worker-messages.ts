/** Messages between the import job (main thread) and its worker thread. */
import type { SourceKind } from '@graphlet/contract';

/** The source row an import writes, less what only the file tells (kind, format, version). */
export interface ImportTarget {
  readonly id: string;
  readonly sha256: string;
  readonly jobId: number;
}

export interface ImportWorkerInput {
  readonly path: string;
  /** The uploaded file's name, used in messages instead of the temp path. */
  readonly name: string;
  readonly size: number;
  /** The store the worker writes the source into, on its own connection: its file or PostgreSQL URL. */
  readonly storeLocation: string;
  /** Caps the store's pages on the worker's connection (tests inject a full disk). */
  readonly maxPageCount?: number | undefined;
  readonly target: ImportTarget;
  /** Int32 flag set to 1 by the main thread to cancel; the worker rolls back and stops. */
  readonly cancel: SharedArrayBuffer;
}

export type ImportWorkerMessage =
  | {
      readonly type: 'progress';
      readonly bytesRead: number;
      readonly tracesImported: number;
      readonly tracesTotal: number;
      readonly graphletsFound: number;
    }
  | {
      readonly type: 'done';
      readonly kind: SourceKind;
      readonly traces: number;
      readonly graphlets: number;
      readonly warnings: readonly string[];
    }
  | { readonly type: 'canceled' }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };
