/**
 * Builds the waste feature table (§5 "Data") pipeline by pipeline, remembering a caller's key
 * (a file name, a stored trace id) per kept pipeline, and checks that the table can be trained.
 */
import {
  createFeatureTableBuilder,
  type FeatureOptions,
  type Graphlet,
  isTraceInputError,
  type PipelineFeatureRows,
  pipelineFeatureRows,
  segmentGraphlets,
  type Trace,
  type WasteFeatureTable,
} from '@graphlet/core';
import { WasteError } from './waste-error.ts';

/** Adds pipelines one at a time; `finish` returns the table and each kept pipeline's key. */
export interface WasteTableBuilder {
  readonly options: FeatureOptions;
  /** Adds a trace (segmented here unless graphlets are given); returns the rows added. */
  add(trace: Trace, key: string, graphlets?: readonly Graphlet[]): number;
  /** Adds one pipeline's rows computed elsewhere (pipelineFeatureRows, a worker thread). */
  addRows(rows: PipelineFeatureRows, key: string): number;
  finish(): { readonly table: WasteFeatureTable; readonly keys: readonly string[] };
}

/**
 * Starts a table; a trace that cannot be segmented throws WasteError('invalid_trace').
 * @example const b = createWasteTableBuilder(); b.add(trace, 'trace-1'); const { table, keys } = b.finish();
 */
export function createWasteTableBuilder(options: Partial<FeatureOptions> = {}): WasteTableBuilder {
  const builder = createFeatureTableBuilder(options);
  const keys: string[] = [];
  const addRows = (rows: PipelineFeatureRows, key: string) => {
    const added = builder.addRows(rows);
    // The builder appends a pipeline exactly when it adds rows.
    if (added > 0) keys.push(key);
    return added;
  };
  return {
    options: builder.options,
    add: (trace, key, graphlets) =>
      addRows(pipelineFeatureRows(trace, graphlets ?? segment(trace), builder.options), key),
    addRows,
    finish: () => ({ table: builder.finish(), keys }),
  };
}

function segment(trace: Trace): readonly Graphlet[] {
  try {
    return segmentGraphlets(trace).graphlets;
  } catch (error) {
    if (isTraceInputError(error)) throw new WasteError('invalid_trace', error.detail);
    throw error;
  }
}

/** Minimum graphlets for a train/test experiment. */
export const MIN_GRAPHLETS = 10;

/** Row, pipeline and pushed counts of a corpus, as far as trainability goes. */
export interface TrainableCounts {
  readonly rows: number;
  readonly pipelines: number;
  readonly pushed: number;
  readonly warmStartPipelines: number;
  readonly warmStartGraphlets: number;
}

/** Throws a WasteError unless the counts allow a split with both classes. */
export function checkTrainableCounts(counts: TrainableCounts): void {
  const { rows, pipelines, pushed, warmStartPipelines, warmStartGraphlets } = counts;
  const left =
    warmStartPipelines > 0
      ? ` (${warmStartGraphlets} graphlet(s) of ${warmStartPipelines} warm-starting pipeline(s) are excluded, §5)`
      : '';
  if (rows < MIN_GRAPHLETS) {
    throw new WasteError(
      'too_few_graphlets',
      `too few graphlets to train and test: ${rows}, need at least ${MIN_GRAPHLETS}${left}`,
    );
  }
  if (pipelines < 2) {
    throw new WasteError(
      'too_few_pipelines',
      `the split is by pipeline and needs at least 2 pipelines with graphlets (got ${pipelines})${left}`,
    );
  }
  if (pushed === 0 || pushed === rows) {
    const which = pushed === 0 ? 'unpushed' : 'pushed';
    throw new WasteError(
      'one_class',
      `only one class: all ${rows} graphlets are ${which}; the classifier needs pushed and unpushed graphlets`,
    );
  }
}

/** Throws a WasteError unless the table can be split and both classes are present. */
export function checkTrainable(table: WasteFeatureTable): void {
  let pushed = 0;
  for (let r = 0; r < table.nRows; r++) pushed += table.pushed[r]!;
  checkTrainableCounts({
    rows: table.nRows,
    pipelines: table.pipelines.length,
    pushed,
    warmStartPipelines: table.excluded.warmStartPipelines,
    warmStartGraphlets: table.excluded.warmStartGraphlets,
  });
}
