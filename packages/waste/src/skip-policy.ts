/**
 * A skip policy (§5.1: the post-hoc threshold on the classifier's push probability) as JSON a
 * scheduler can apply: the variant, threshold, feature definitions and the serialized forest.
 * The forest's trees split on raw feature values, so no bin edges are needed to score.
 */
import type { FeatureOptions, WasteVariant } from '@graphlet/core';
import {
  deserializeForest,
  type Forest,
  predictProba,
  type SerializedForest,
  serializeForest,
} from '@graphlet/forest';
import { WasteError } from './waste-error.ts';

/** The exported policy document. */
export interface SkipPolicy {
  readonly format: 'graphlet-skip-policy/1';
  readonly variant: WasteVariant;
  /** A graphlet runs when its predicted push probability is at least this. */
  readonly threshold: number;
  /** How to compute the features (see featureDefinitions / graphletFeatureRecord in core). */
  readonly featureOptions: FeatureOptions;
  /** Feature names in the forest's column order. */
  readonly features: readonly string[];
  readonly forest: SerializedForest;
  /** Test-set outcome at the threshold, for the record. */
  readonly evaluation: {
    readonly balancedAccuracy: number;
    readonly freshness: number;
    readonly waste: number;
    readonly trainGraphlets: number;
    readonly testGraphlets: number;
  };
}

/** Builds a policy document from a trained variant (its forest, or the forest serialized). */
export function buildSkipPolicy(input: {
  variant: WasteVariant;
  threshold: number;
  featureOptions: FeatureOptions;
  features: readonly string[];
  forest: Forest | SerializedForest;
  evaluation: SkipPolicy['evaluation'];
}): SkipPolicy {
  if (input.forest.nFeatures !== input.features.length) {
    throw new Error(
      `waste: forest has ${input.forest.nFeatures} features but ${input.features.length} names`,
    );
  }
  return {
    format: 'graphlet-skip-policy/1',
    variant: input.variant,
    threshold: input.threshold,
    featureOptions: { ...input.featureOptions },
    features: [...input.features],
    forest: 'format' in input.forest ? input.forest : serializeForest(input.forest),
    evaluation: { ...input.evaluation },
  };
}

/** What the policy says about one graphlet. */
export interface PolicyDecision {
  readonly probability: number;
  readonly decision: 'run' | 'skip';
}

/** A graphlet's features: by name (absent, null or NaN = missing), or in policy.features order. */
export type PolicyFeatures =
  | Readonly<Record<string, number | null | undefined>>
  | ArrayLike<number>;

const forests = new WeakMap<SkipPolicy, Forest>();

/**
 * Scores a new graphlet: push probability from the policy's forest, and `run` when it is at
 * least the threshold. Extra named features are ignored (a full graphletFeatureRecord works).
 * @example scorePolicy(policy, graphletFeatureRecord(trace, graphlets, trainer)).decision
 */
export function scorePolicy(policy: SkipPolicy, features: PolicyFeatures): PolicyDecision {
  let forest = forests.get(policy);
  if (forest === undefined) {
    forest = deserializeForest(policy.forest);
    forests.set(policy, forest);
  }
  const n = policy.features.length;
  const row = new Float64Array(n);
  if (isArrayLike(features)) {
    if (features.length !== n) {
      throw new WasteError(
        'invalid_features',
        `the policy has ${n} features, got ${features.length} values`,
      );
    }
    for (let i = 0; i < n; i++) row[i] = Math.fround(features[i]!);
  } else {
    for (let i = 0; i < n; i++) {
      const v = features[policy.features[i]!];
      row[i] = v === null || v === undefined ? Number.NaN : Math.fround(v);
    }
  }
  // Rounded to single precision as the training table held them, so a value sits on the same
  // side of every threshold as it did in training.
  const probability = predictProba(forest, { values: row, nRows: 1, nFeatures: n })[0]!;
  return { probability, decision: probability >= policy.threshold ? 'run' : 'skip' };
}

function isArrayLike(value: PolicyFeatures): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) || Array.isArray(value);
}

/** The policy's features that `features` does not name (a null value counts as named: missing on purpose). */
export function missingPolicyFeatures(
  policy: SkipPolicy,
  features: Readonly<Record<string, unknown>>,
): string[] {
  return policy.features.filter((name) => !Object.hasOwn(features, name));
}
