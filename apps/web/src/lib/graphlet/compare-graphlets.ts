/**
 * Two graphlets side by side (any two, of one trace or of two): their trainers' inputs, input spans,
 * code, hyperparameters and metrics, each row marked same, changed, or present on one side only.
 */
import type { GraphletDetail, NodeDetail } from '@graphlet/contract';
import { formatNumber, formatPercent } from '../format.ts';
import { diffSpans, type GraphletDiff } from './graphlet-diff.ts';

/** One graphlet and its trainer's node (undefined while it loads or when it cannot be read). */
export interface CompareSide {
  readonly detail: GraphletDetail;
  readonly trainer: NodeDetail | undefined;
}

type RowStatus = 'same' | 'changed' | 'only-a' | 'only-b';

/** One compared value; null where a side does not have it. */
export interface CompareRow {
  readonly key: string;
  readonly a: string | null;
  readonly b: string | null;
  readonly status: RowStatus;
}

export interface GraphletComparison {
  /** The trainers' inputs by event key, e.g. `examples: 30 artifacts`. */
  readonly inputs: readonly CompareRow[];
  /** Spans of B against A: added in B, dropped from A, kept, Jaccard. */
  readonly spans: GraphletDiff;
  readonly code: readonly CompareRow[];
  readonly hyperparameters: readonly CompareRow[];
  readonly metrics: readonly CompareRow[];
  /** Rows that differ, over every section (spans count once when the sets differ). */
  readonly differences: number;
}

/** Properties that identify code rather than configure training. */
const CODE_KEYS = ['code_version', 'module_path', 'module_file', 'run_fn', 'trainer_fn'];
/** Bookkeeping properties, the same for every run or different for every run: not compared. */
const IGNORED_KEYS = new Set([
  'component_id',
  'pipeline_name',
  'pipeline_root',
  'run_id',
  'state',
  'cpu_seconds',
]);

/** One row from two optional values. */
function compareRow(key: string, a: string | null, b: string | null): CompareRow {
  const status =
    a === null && b === null
      ? 'same'
      : a === null
        ? 'only-b'
        : b === null
          ? 'only-a'
          : a === b
            ? 'same'
            : 'changed';
  return { key, a, b, status };
}

/** Rows for the union of two records' keys, sorted by key. */
export function compareRecords(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): CompareRow[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.map((k) => compareRow(k, a[k] ?? null, b[k] ?? null));
}

/** A property value as text (strings as they are, structures as compact JSON). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, 4);
  return JSON.stringify(value);
}

function trainerProperties(trainer: NodeDetail | undefined, code: boolean) {
  const out: Record<string, string> = {};
  if (trainer === undefined) return out;
  for (const props of [trainer.properties, trainer.customProperties])
    for (const [key, value] of Object.entries(props)) {
      if (IGNORED_KEYS.has(key) || CODE_KEYS.includes(key) !== code) continue;
      if (value === null || value === 'None' || value === 'null') continue;
      out[key] = text(value);
    }
  return out;
}

function inputsByKey(trainer: NodeDetail | undefined) {
  const counts = new Map<string, number>();
  for (const link of trainer?.inputs ?? []) {
    const key = link.key ?? '(no key)';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: Record<string, string> = {};
  for (const [key, n] of counts)
    out[key] = `${formatNumber(n)} ${n === 1 ? 'artifact' : 'artifacts'}`;
  return out;
}

function metricRecord(d: GraphletDetail): Record<string, string> {
  const m = d.graphlet.metrics;
  const out: Record<string, string> = {
    pushed: d.graphlet.pushed ? 'yes' : 'no',
    'warm start': d.graphlet.warmStart ? 'yes' : 'no',
    executions: formatNumber(m.executions),
    artifacts: formatNumber(m.artifacts),
    'input spans': formatNumber(m.spans),
    'compute (CPU s)': formatNumber(m.computeSeconds, 1),
  };
  if (m.durationMs !== null) out['duration (s)'] = formatNumber(m.durationMs / 1000, 1);
  if (d.modelType !== null) out['model type'] = d.modelType;
  if (d.pushProbability !== undefined) out['push probability'] = formatPercent(d.pushProbability);
  for (const [name, value] of Object.entries(d.features))
    if (value !== null) out[`feature: ${name}`] = formatNumber(value, 3);
  return out;
}

/** The comparison of graphlet B against graphlet A. */
export function compareGraphlets(a: CompareSide, b: CompareSide): GraphletComparison {
  const inputs = compareRecords(inputsByKey(a.trainer), inputsByKey(b.trainer));
  const spans = diffSpans(b.detail.graphlet.spans, a.detail.graphlet.spans);
  const code = compareRecords(
    trainerProperties(a.trainer, true),
    trainerProperties(b.trainer, true),
  );
  const hyperparameters = compareRecords(
    trainerProperties(a.trainer, false),
    trainerProperties(b.trainer, false),
  );
  const metrics = compareRecords(metricRecord(a.detail), metricRecord(b.detail));
  const differing = (rows: readonly CompareRow[]) => rows.filter((r) => r.status !== 'same').length;
  const spansDiffer = spans.spansAdded.length + spans.spansDropped.length > 0 ? 1 : 0;
  return {
    inputs,
    spans,
    code,
    hyperparameters,
    metrics,
    differences:
      differing(inputs) +
      spansDiffer +
      differing(code) +
      differing(hyperparameters) +
      differing(metrics),
  };
}

/** A graphlet in a compare URL: `<trace id>:<trainer id>`. */
export interface GraphletRef {
  readonly traceId: string;
  readonly trainer: number;
}

/** Parses `<trace id>:<trainer id>` (the last colon splits); undefined when malformed. */
export function parseGraphletRef(text: string | null | undefined): GraphletRef | undefined {
  if (text === null || text === undefined) return undefined;
  const at = text.lastIndexOf(':');
  if (at <= 0) return undefined;
  const trainer = Number(text.slice(at + 1));
  if (!Number.isInteger(trainer) || trainer < 0 || text.slice(at + 1) === '') return undefined;
  return { traceId: text.slice(0, at), trainer };
}

/** The compare page's URL for graphlets A and B. */
export function compareHref(a: GraphletRef, b: GraphletRef): string {
  const ref = (r: GraphletRef) => encodeURIComponent(`${r.traceId}:${r.trainer}`);
  return `/compare?a=${ref(a)}&b=${ref(b)}`;
}
