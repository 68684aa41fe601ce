/**
 * Names of the metadata this project reads beyond standard MLMD. The paper's corpus carried
 * them (§2.2); real TFX stores lack most of them, so every reader treats them as optional.
 * The synthetic generator writes them as custom properties; the importer reads them (regular
 * or custom) from any store.
 */

/** Artifact property (Examples): the data span number, as TFX records it. */
export const SPAN = 'span';

/**
 * Artifact property (Examples): per-span feature statistics, a struct (JSON) of the shape
 * `{ features: [{ name, kind: 'numeric' | 'categorical', mean?, std?, domainSize? }] }`.
 */
export const FEATURE_STATISTICS = 'feature_statistics';

/** Execution property (Trainer): model type, one of MODEL_TYPES (free text is read as `Other`). */
export const MODEL_TYPE = 'model_type';

/** Execution property (Trainer): the model architecture (e.g. a DNN's layer sizes), free text. */
export const MODEL_ARCHITECTURE = 'model_architecture';

/** Execution property (Trainer): an identifier of the training code (e.g. a commit hash). */
export const CODE_VERSION = 'code_version';

/** Execution property (Transform): analyzer use counts, a struct `{ vocabulary: 3, min: 1, ... }`. */
export const ANALYZERS = 'analyzers';

/** Execution property (any): compute cost in CPU seconds. */
export const CPU_SECONDS = 'cpu_seconds';

/** Artifact property (PushedModel): 1 when the Pusher pushed the model, 0 when it declined. */
export const PUSHED = 'pushed';

/** Model types as the paper groups them (Figure 5). */
export const MODEL_TYPES = ['DNN', 'DNN+Linear', 'Linear', 'Tree', 'Other'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

/** Analyzer kinds of Figure 4. */
export const ANALYZER_KINDS = [
  'vocabulary',
  'min',
  'max',
  'mean',
  'variance',
  'quantiles',
  'custom',
] as const;
export type AnalyzerKind = (typeof ANALYZER_KINDS)[number];

/** The input event key under which TFX passes a warm-start model to a Trainer. */
export const BASE_MODEL_KEY = 'base_model';
