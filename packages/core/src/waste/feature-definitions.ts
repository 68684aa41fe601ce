/**
 * The waste classifier's per-graphlet features (paper §5.2.1), named so each traces to the paper:
 * input-data and code-change history over a window of w preceding graphlets, model information,
 * and graphlet shape split into pre-trainer operators, the Trainer and post-trainer operators.
 */
import { MODEL_TYPES } from '../metadata-keys.ts';
import { TraceError } from '../trace-error.ts';

/** Feature groups, as the prefixes of the feature names. */
export const FEATURE_GROUPS = ['input', 'code', 'model', 'pre', 'trainer', 'post'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

/** Roles counted among pre-trainer operators; `other` holds every other non-trainer role. */
export const PRE_COUNTED_ROLES = ['ingestion', 'data_validation', 'transform', 'tuner'] as const;

/** Roles counted among post-trainer operators; `other` holds every other role. */
export const POST_COUNTED_ROLES = ['model_validation', 'deployment'] as const;

/** How the features are built; stored in a skip policy so a scheduler builds the same ones. */
export interface FeatureOptions {
  /** History window w: graphlets compared before each graphlet (default 3, §5.2.1's example). */
  readonly window: number;
  /** Buckets of the hashed one-hot model architecture (default 8; 0 omits architecture). */
  readonly architectureBuckets: number;
}

/** One feature column. */
export interface FeatureDefinition {
  readonly name: string;
  readonly group: FeatureGroup;
  /** Operator counts (what RF:Shape keeps), as opposed to averages, similarities and flags. */
  readonly isCount: boolean;
  /** True for the counts of validators (data or model validation), which RF:Shape leaves out. */
  readonly isValidator: boolean;
}

/** Fills in defaults (w = 3, 8 architecture buckets) and checks ranges. */
export function resolveFeatureOptions(options: Partial<FeatureOptions> = {}): FeatureOptions {
  const window = options.window ?? 3;
  const architectureBuckets = options.architectureBuckets ?? 8;
  if (!Number.isInteger(window) || window < 1 || window > 50) {
    throw new TraceError(
      'invalid_argument',
      'waste',
      `window must be an integer in 1..50 (got ${window})`,
    );
  }
  if (
    !Number.isInteger(architectureBuckets) ||
    architectureBuckets < 0 ||
    architectureBuckets > 64
  ) {
    throw new TraceError(
      'invalid_argument',
      'waste',
      `architectureBuckets must be an integer in 0..64 (got ${architectureBuckets})`,
    );
  }
  return { window, architectureBuckets };
}

/**
 * Every feature column, in table order: input.jaccard_1..w, input.dataset_similarity_1..w,
 * code.code_match_1..w, model.type.*, model.arch.*, pre.*, trainer.*, post.*.
 * @example featureDefinitions({ window: 3, architectureBuckets: 8 }).length // 37
 */
export function featureDefinitions(options: FeatureOptions): FeatureDefinition[] {
  const out: FeatureDefinition[] = [];
  const add = (group: FeatureGroup, name: string, isCount = false, isValidator = false) =>
    out.push({ name: `${group}.${name}`, group, isCount, isValidator });
  const w = options.window;
  for (let k = 1; k <= w; k++) add('input', `jaccard_${k}`);
  for (let k = 1; k <= w; k++) add('input', `dataset_similarity_${k}`);
  for (let k = 1; k <= w; k++) add('code', `code_match_${k}`);
  for (const type of MODEL_TYPES) add('model', `type.${type}`);
  for (let b = 0; b < options.architectureBuckets; b++) add('model', `arch.${b}`);
  for (const role of PRE_COUNTED_ROLES)
    add('pre', `count.${role}`, true, role === 'data_validation');
  add('pre', 'count.other', true);
  add('pre', 'avg_inputs');
  add('pre', 'avg_outputs');
  add('trainer', 'count', true);
  add('trainer', 'avg_inputs');
  add('trainer', 'avg_outputs');
  for (const role of POST_COUNTED_ROLES) {
    add('post', `count.${role}`, true, role === 'model_validation');
  }
  add('post', 'count.other', true);
  add('post', 'avg_inputs');
  add('post', 'avg_outputs');
  return out;
}
