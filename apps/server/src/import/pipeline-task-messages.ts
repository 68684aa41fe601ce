/** Messages between an import fanned out per pipeline (worker process) and its task threads. */
import type { SourceKind } from '@graphlet/contract';
import type { JsonFormat } from '@graphlet/formats';
import type { PipelineWrite } from '../store/pipeline-writes.ts';

/** One pipeline of a file: its place among the file's traces and how to find it again. */
export interface PipelineTask {
  /** The trace's ordinal in the source (from 1): with the source id, its key. */
  readonly ordinal: number;
  readonly pipeline: string;
  /** Which of the pipelines of this name (MLMD stores may hold two contexts of one name). */
  readonly nth: number;
}

/** What the plan found: the source's columns and its pipelines. */
export interface ImportPlan {
  readonly kind: SourceKind;
  readonly format: JsonFormat | null;
  readonly schemaVersion: number | null;
  readonly tasks: readonly PipelineTask[];
  /** What the reader noted of the file as a whole (a JSON format's warnings). */
  readonly warnings: readonly string[];
}

export type PipelineThreadInput =
  | { readonly op: 'plan'; readonly path: string; readonly name: string }
  | {
      readonly op: 'task';
      readonly path: string;
      readonly name: string;
      /** The store's file or PostgreSQL URL. */
      readonly storeLocation: string;
      readonly sourceId: string;
      readonly task: PipelineTask;
    }
  | {
      /** The fan-in: the corpus statistics computed and cached (name and path: the import's). */
      readonly op: 'stats';
      readonly path: string;
      readonly name: string;
      readonly storeLocation: string;
      readonly limitBytes: number;
    };

/** A pipeline task's result: what it wrote and found. */
export interface PipelineResult {
  readonly write: PipelineWrite | 'empty';
  readonly graphlets: number;
}

export type PipelineThreadOutput =
  | { readonly type: 'plan'; readonly plan: ImportPlan }
  | { readonly type: 'task'; readonly result: PipelineResult }
  | { readonly type: 'stats'; readonly bytes: number }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };
