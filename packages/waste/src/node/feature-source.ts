/**
 * Where the feature workers read pipelines from. An application names a module (by URL) whose
 * `openFeatureSource(spec)` opens one source (a store file, a database); every worker thread
 * imports it and opens each source once, so this package needs no reader of its own.
 */
import type { Graphlet, Trace } from '@graphlet/core';

/** One pipeline as a source hands it over: its trace, and its graphlets when already known. */
export interface SourcePipeline {
  readonly trace: Trace;
  /** Segmented by the worker when absent. */
  readonly graphlets?: readonly Graphlet[] | undefined;
}

/** An open source: pipelines by item (a position, or a key such as a stored trace id). */
export interface FeatureSource {
  /**
   * The pipeline of `item`, or undefined when it has none (a deleted trace, an empty remainder);
   * a source on a network database answers with a promise.
   */
  read(item: string | number): SourcePipeline | undefined | Promise<SourcePipeline | undefined>;
  close(): void | Promise<void>;
}

/** What a source module exports. */
export interface FeatureSourceModule {
  openFeatureSource(spec: string): FeatureSource;
}

/** A failure reading a source (a corrupt store, a missing file), with the source's own message. */
export class FeatureSourceError extends Error {
  override readonly name = 'FeatureSourceError';
  /** The original error's code or name, e.g. a FormatError's code. */
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}
