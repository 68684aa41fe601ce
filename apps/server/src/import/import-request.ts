/** A file to import, as the upload route hands it to the importer. */
import type { SourceKind } from '@graphlet/contract';

export interface ImportRequest {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly kind: SourceKind;
  /** Remove `path` when done (uploads); false for files the server does not own (the demo corpus). */
  readonly removeAfter: boolean;
}
