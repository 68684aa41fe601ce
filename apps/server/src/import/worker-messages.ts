/** Messages between the import job (main thread) and its worker thread. */
import type { SourceKind } from '@graphlet/contract';
import type { JsonFormat } from '@graphlet/formats';
import type { ImportedTrace } from '../store/imported-source.ts';

export interface ImportWorkerInput {
  readonly path: string;
  /** The uploaded file's name, used in messages instead of the temp path. */
  readonly name: string;
  readonly size: number;
}

export type ImportWorkerMessage =
  | {
      readonly type: 'progress';
      readonly bytesRead: number;
      readonly tracesImported: number;
      readonly tracesTotal: number;
      readonly graphletsFound: number;
    }
  | { readonly type: 'trace'; readonly trace: ImportedTrace }
  | {
      readonly type: 'done';
      readonly kind: SourceKind;
      readonly format: JsonFormat | null;
      readonly schemaVersion: number | null;
      readonly warnings: readonly string[];
    }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };
