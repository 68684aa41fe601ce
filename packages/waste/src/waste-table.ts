/**
 * Reads the corpus file by file and pipeline by pipeline into the waste feature table; each
 * file's traces are dropped once their rows are in the table.
 */
import {
  CycleError,
  createFeatureTableBuilder,
  type FeatureOptions,
  type RoleOverride,
  segmentGraphlets,
  type Trace,
  type WasteFeatureTable,
} from '@graphlet/core';
import { CliError } from '../cli-error.ts';
import { loadTraces } from '../load-traces.ts';

/** Builds the feature table of FILEs; `progress` receives one line per file. */
export function buildWasteTable(
  files: readonly string[],
  roles: readonly RoleOverride[],
  options: Partial<FeatureOptions>,
  progress: (line: string) => void,
): WasteFeatureTable {
  const builder = createFeatureTableBuilder(options);
  for (const file of files) {
    const started = performance.now();
    const traces = loadTraces(file, roles).traces;
    let rows = 0;
    for (let i = 0; i < traces.length; i++) {
      rows += builder.add(traces[i]!, segment(traces[i]!, file));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(
      `waste: ${file}: ${traces.length} pipeline(s), ${rows} graphlet row(s) in ${seconds} s`,
    );
  }
  return builder.finish();
}

function segment(trace: Trace, file: string) {
  try {
    return segmentGraphlets(trace).graphlets;
  } catch (error) {
    if (
      error instanceof CycleError ||
      (error instanceof Error && error.message.startsWith('core: trace'))
    ) {
      throw new CliError(`${file}: ${error.message.replace(/^core: /, '')}`);
    }
    throw error;
  }
}

/** Minimum graphlets for a train/test experiment. */
export const MIN_GRAPHLETS = 10;

/** Throws a CliError unless the table can be split and both classes are present. */
export function checkTrainable(table: WasteFeatureTable): void {
  const { warmStartPipelines, warmStartGraphlets } = table.excluded;
  const left =
    warmStartPipelines > 0
      ? ` (${warmStartGraphlets} graphlet(s) of ${warmStartPipelines} warm-starting pipeline(s) are excluded, §5)`
      : '';
  if (table.nRows < MIN_GRAPHLETS) {
    throw new CliError(
      `too few graphlets to train and test: ${table.nRows}, need at least ${MIN_GRAPHLETS}${left}`,
    );
  }
  if (table.pipelines.length < 2) {
    throw new CliError(
      `the split is by pipeline and needs at least 2 pipelines with graphlets (got ${table.pipelines.length})${left}`,
    );
  }
  let pushed = 0;
  for (let r = 0; r < table.nRows; r++) pushed += table.pushed[r]!;
  if (pushed === 0 || pushed === table.nRows) {
    const which = pushed === 0 ? 'unpushed' : 'pushed';
    throw new CliError(
      `only one class: all ${table.nRows} graphlets are ${which}; the classifier needs pushed and unpushed graphlets`,
    );
  }
}
