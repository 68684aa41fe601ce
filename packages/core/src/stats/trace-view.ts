/**
 * A per-trace lookup built once (O(nodes)) so that statistics and waste features can compare
 * arbitrary graphlet pairs cheaply: O(1) node lookup, span numbers, parsed feature statistics
 * (parsed lazily, once per span) and the trainer's model type and code version.
 */
import type { Graphlet } from '../graphlet.ts';
import type { ArtifactId, ExecutionId } from '../ids.ts';
import {
  CODE_VERSION,
  FEATURE_STATISTICS,
  MODEL_TYPE,
  type ModelType,
  SPAN,
} from '../metadata-keys.ts';
import { type Artifact, type Execution, propertyOf, type Trace } from '../trace.ts';
import { type FeatureSummary, parseFeatureStatistics } from './feature-statistics.ts';
import { idIndex } from './id-index.ts';
import { normalizeModelType } from './model-type.ts';
import { spanSimilarity } from './span-similarity.ts';

/** O(1) lookups over one trace. */
export interface TraceView {
  readonly trace: Trace;
  execution(id: ExecutionId): Execution | undefined;
  artifact(id: ArtifactId): Artifact | undefined;
  /** The span's `span` property when numeric, else its artifact id. */
  spanNumber(id: ArtifactId): number;
  /** The span's feature statistics, or undefined when it has none. */
  featureStatistics(id: ArtifactId): ReadonlyMap<string, FeatureSummary> | undefined;
  /** Span similarity of two spans (see spanSimilarity), cached per ordered pair. */
  spanPairSimilarity(a: ArtifactId, b: ArtifactId): number | undefined;
  /** The graphlet's spans ordered by span number, then id. */
  orderedSpans(graphlet: Graphlet): readonly ArtifactId[];
  /** The trainer's model type (see normalizeModelType). */
  modelType(trainer: ExecutionId): ModelType | undefined;
  /** The trainer's `code_version`, as a string, when recorded. */
  codeVersion(trainer: ExecutionId): string | undefined;
}

/** Builds the lookups of a trace. */
export function traceView(trace: Trace): TraceView {
  const executions = idIndex<Execution>(trace.executions);
  const artifacts = idIndex<Artifact>(trace.artifacts);
  const features = new Map<number, ReadonlyMap<string, FeatureSummary> | undefined>();
  const spanNumbers = new Map<number, number>();
  const ordered = new WeakMap<Graphlet, readonly ArtifactId[]>();
  // Rolling windows make consecutive graphlets compare the same span pairs again and again.
  const pairCache = new Map<number, Map<number, number | undefined>>();

  const spanNumber = (id: ArtifactId): number => {
    let n = spanNumbers.get(id);
    if (n === undefined) {
      const a = artifacts.get(id);
      const raw = a === undefined ? undefined : propertyOf(a, SPAN);
      const parsed = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      n = typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : id;
      spanNumbers.set(id, n);
    }
    return n;
  };

  const featureStatistics = (id: ArtifactId) => {
    if (features.has(id)) return features.get(id);
    const a = artifacts.get(id);
    const parsed =
      a === undefined ? undefined : parseFeatureStatistics(propertyOf(a, FEATURE_STATISTICS));
    features.set(id, parsed);
    return parsed;
  };

  return {
    trace,
    execution: (id) => executions.get(id),
    artifact: (id) => artifacts.get(id),
    spanNumber,
    featureStatistics,
    spanPairSimilarity(a, b) {
      let row = pairCache.get(a);
      if (row === undefined) {
        row = new Map();
        pairCache.set(a, row);
      } else if (row.has(b)) return row.get(b);
      const fa = featureStatistics(a);
      const fb = featureStatistics(b);
      const s = fa === undefined || fb === undefined ? undefined : spanSimilarity(fa, fb);
      row.set(b, s);
      return s;
    },
    orderedSpans(graphlet) {
      let spans = ordered.get(graphlet);
      if (spans === undefined) {
        spans = [...graphlet.spans].sort((x, y) => spanNumber(x) - spanNumber(y) || x - y);
        ordered.set(graphlet, spans);
      }
      return spans;
    },
    modelType(trainer) {
      const e = executions.get(trainer);
      return e === undefined ? undefined : normalizeModelType(propertyOf(e, MODEL_TYPE));
    },
    codeVersion(trainer) {
      const e = executions.get(trainer);
      const v = e === undefined ? undefined : propertyOf(e, CODE_VERSION);
      return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    },
  };
}

/** The model type of a graphlet's trainer, or undefined when the trainer records none. */
export function modelTypeOf(view: TraceView, graphlet: Graphlet): ModelType | undefined {
  return view.modelType(graphlet.trainer);
}
