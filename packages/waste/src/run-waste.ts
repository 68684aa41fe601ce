/**
 * The waste experiment end to end on a feature table: split by pipeline, then train and score
 * each requested variant with the forest on worker threads, reporting progress as it goes.
 */
import {
  type PipelineSplit,
  splitByPipeline,
  type WasteFeatureTable,
  type WasteVariant,
} from '@graphlet/core';
import { matrixShape } from '@graphlet/forest';
import { createForestPool, predictProbaParallel, trainForestParallel } from '@graphlet/forest/node';
import { evaluateVariant, type VariantEvaluation } from './evaluate-variant.ts';
import { WasteError } from './waste-error.ts';

export interface WasteRunOptions {
  readonly variants: readonly WasteVariant[];
  readonly trees: number;
  readonly seed: number;
  readonly threads: number;
  readonly threshold?: number | undefined;
  /**
   * Keep each variant's forest in its evaluation (default true). A forest of fully grown trees on
   * the paper's ~345,000 training rows takes hundreds of MB: without a policy to export, the run
   * lets each go once the 'evaluated' progress event has seen it.
   */
  readonly keepForests?: boolean | undefined;
  /** Checked before each variant and after each forest; an abort rejects with WasteError('cancelled'). */
  readonly signal?: AbortSignal | undefined;
}

/** Where the run is: a variant's training (trees done of total), or a variant just evaluated. */
export type WasteProgress =
  | {
      readonly stage: 'training';
      readonly variant: WasteVariant;
      /** 1-based position of the variant among `variantCount`. */
      readonly variantIndex: number;
      readonly variantCount: number;
      readonly treesDone: number;
      readonly treesTotal: number;
      readonly rows: number;
      readonly features: number;
      readonly threads: number;
    }
  | {
      readonly stage: 'evaluated';
      readonly variant: WasteVariant;
      readonly variantIndex: number;
      readonly variantCount: number;
      readonly evaluation: VariantEvaluation;
    };

/** A finished experiment. */
export interface WasteRun {
  readonly split: PipelineSplit;
  readonly evaluations: readonly VariantEvaluation[];
  readonly trainSeconds: number;
}

/**
 * Splits (seeded, by pipeline) and evaluates every variant in order.
 * @example const run = await runWaste(table, { variants: MAIN_VARIANTS, trees: 100, seed: 0, threads: 2 }, (p) => {});
 */
export async function runWaste(
  table: WasteFeatureTable,
  options: WasteRunOptions,
  onProgress: (progress: WasteProgress) => void = () => {},
): Promise<WasteRun> {
  const split = splitByPipeline(table, { seed: options.seed });
  checkSides(table, split);
  const evaluations: VariantEvaluation[] = [];
  const variantCount = options.variants.length;
  let trainSeconds = 0;
  // One set of worker threads for every variant: starting workers costs as much as a small forest.
  const pool = createForestPool(Math.max(1, Math.min(options.threads, options.trees)));
  try {
    for (const [i, variant] of options.variants.entries()) {
      checkAborted(options.signal);
      const position = { variant, variantIndex: i + 1, variantCount };
      const evaluation = await evaluateVariant(
        table,
        split,
        variant,
        async (matrix, labels) => {
          const { nRows, nFeatures } = matrixShape(matrix);
          const training = {
            stage: 'training' as const,
            ...position,
            treesTotal: options.trees,
            rows: nRows,
            features: nFeatures,
            threads: options.threads,
          };
          onProgress({ ...training, treesDone: 0 });
          const forest = await trainForestParallel(matrix, labels, {
            trees: options.trees,
            seed: options.seed,
            pool,
            // Balanced class weights: the paper scores balanced accuracy on 80% unpushed data (§5).
            classWeight: 'balanced',
            onProgress: (treesDone) => onProgress({ ...training, treesDone }),
          });
          checkAborted(options.signal);
          return forest;
        },
        options.threshold,
        // The test rows are scored on the same worker threads.
        (forest, matrix) => predictProbaParallel(forest, matrix, pool),
      );
      trainSeconds += evaluation.trainSeconds;
      onProgress({ stage: 'evaluated', ...position, evaluation });
      evaluations.push(
        options.keepForests === false ? { ...evaluation, forest: undefined } : evaluation,
      );
    }
  } finally {
    await pool.close();
  }
  return { split, evaluations, trainSeconds };
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new WasteError('cancelled', 'the waste run was cancelled');
}

function checkSides(table: WasteFeatureTable, split: PipelineSplit): void {
  for (const [name, rows] of [
    ['training', split.train],
    ['test', split.test],
  ] as const) {
    let pushed = 0;
    for (const r of rows) pushed += table.pushed[r]!;
    if (rows.length === 0 || pushed === 0 || pushed === rows.length) {
      throw new WasteError(
        'one_class',
        `the ${name} set (${rows.length} graphlets, ${pushed} pushed) lacks a class; more pipelines with both pushed and unpushed graphlets are needed`,
      );
    }
  }
}
