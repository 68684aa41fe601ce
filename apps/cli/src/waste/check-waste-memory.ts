/** `waste --max-memory`: the early memory check of the CLI run (see @graphlet/waste's estimate). */
import { totalmem } from 'node:os';
import {
  featureDefinitions,
  resolveFeatureOptions,
  VARIANT_DEFINITIONS,
  type WasteVariant,
} from '@graphlet/core';
import { checkMemory, estimateWasteMemory, megabytes, parseByteSize } from '@graphlet/waste';
import { CliError } from '../cli-error.ts';

/** The limit in bytes: `--max-memory SIZE`, else three quarters of the machine's memory. */
export function maxMemoryOf(text: string | undefined): { bytes: number; setting: string } {
  if (text === undefined) {
    const bytes = Math.floor(0.75 * totalmem());
    return { bytes, setting: `three quarters of this machine's memory (--max-memory)` };
  }
  const bytes = parseByteSize(text);
  if (bytes === undefined) {
    throw new CliError(
      `--max-memory must be a size such as 2G, 1536M or a byte count (got '${text}')`,
    );
  }
  return { bytes, setting: '--max-memory' };
}

/** Throws a CliError before any work when the run would need more than the limit; returns MB. */
export function checkWasteMemory(input: {
  readonly trainers: number;
  readonly window: number;
  readonly variants: readonly WasteVariant[];
  readonly trees: number;
  readonly threads: number;
  readonly keepForests: boolean;
  readonly limit: { bytes: number; setting: string };
}): number {
  const features = featureDefinitions(resolveFeatureOptions({ window: input.window }));
  const variantFeatures = Math.max(
    ...input.variants.map((v) => features.filter(VARIANT_DEFINITIONS[v].uses).length),
  );
  const estimate = estimateWasteMemory({
    rows: input.trainers,
    features: features.length,
    variantFeatures,
    trees: input.trees,
    threads: input.threads,
    forestsHeld: input.keepForests ? input.variants.length : 1,
  });
  try {
    checkMemory(estimate, input.limit.bytes, input.limit.setting);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return megabytes(estimate.total);
}
