/** The named features of one graphlet, for scoring a new graphlet against a skip policy. */
import type { Graphlet } from '../graphlet.ts';
import type { ExecutionId } from '../ids.ts';
import type { Trace } from '../trace.ts';
import { TraceError } from '../trace-error.ts';
import {
  type FeatureOptions,
  featureDefinitions,
  resolveFeatureOptions,
} from './feature-definitions.ts';
import { orderGraphlets, STAGE_COSTS, writePipelineFeatures } from './graphlet-features.ts';

/**
 * Every feature of the graphlet whose trainer is `trainer`, by name (NaN when missing), computed
 * against its pipeline's earlier graphlets. Throws when no graphlet has that trainer.
 * @example graphletFeatureRecord(trace, segmentGraphlets(trace).graphlets, trainerId)
 */
export function graphletFeatureRecord(
  trace: Trace,
  graphlets: readonly Graphlet[],
  trainer: ExecutionId,
  options: Partial<FeatureOptions> = {},
): Record<string, number> {
  const resolved = resolveFeatureOptions(options);
  const features = featureDefinitions(resolved);
  const ordered = orderGraphlets(graphlets);
  const i = ordered.findIndex((g) => g.trainer === trainer);
  if (i < 0)
    throw new TraceError('invalid_argument', 'waste', `no graphlet has trainer ${trainer}`);
  // Later graphlets do not affect graphlet i's features, so only the prefix is computed.
  const prefix = ordered.slice(0, i + 1);
  const values = new Float64Array(prefix.length * features.length);
  writePipelineFeatures(
    trace,
    prefix,
    resolved,
    values,
    new Float64Array(prefix.length * STAGE_COSTS),
    0,
  );
  const record: Record<string, number> = {};
  features.forEach((f, c) => {
    record[f.name] = values[i * features.length + c]!;
  });
  return record;
}
