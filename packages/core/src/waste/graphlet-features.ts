/**
 * Computes the §5.2.1 features of every graphlet of one pipeline in one pass over its trace:
 * per-execution input/output counts and costs once, then per graphlet its shape (pre-trainer =
 * executions minus the trainer and Down(trainer); post-trainer = Down(trainer)), model
 * information and history against the w graphlets before it (reusing stats/pair-similarity.ts).
 */
import type { Graphlet } from '../graphlet.ts';
import { MODEL_ARCHITECTURE, MODEL_TYPES } from '../metadata-keys.ts';
import { ROLES } from '../roles.ts';
import { executionCost } from '../stats/execution-cost.ts';
import { codeMatch, datasetSimilarity, spanJaccard } from '../stats/pair-similarity.ts';
import { traceView } from '../stats/trace-view.ts';
import { propertyOf, type Trace } from '../trace.ts';
import { TraceError } from '../trace-error.ts';
import {
  type FeatureOptions,
  featureDefinitions,
  POST_COUNTED_ROLES,
  PRE_COUNTED_ROLES,
} from './feature-definitions.ts';

/** Per graphlet, CPU seconds by stage: [ingestion, pre-trainer (ingestion included), trainer, post-trainer]. */
export const STAGE_COSTS = 4;

const TRAINER = ROLES.indexOf('trainer');
const INGESTION = ROLES.indexOf('ingestion');
/** Role index -> slot among the pre (or post) counts; the last slot is `other`. */
const PRE_SLOT = ROLES.map((r) => slotOf(PRE_COUNTED_ROLES, r));
const POST_SLOT = ROLES.map((r) => slotOf(POST_COUNTED_ROLES, r));

function slotOf(counted: readonly string[], role: string): number {
  const i = counted.indexOf(role);
  return i < 0 ? counted.length : i;
}

/** Graphlets ordered as their pipeline ran them (Graphlet.index), the row order of the features. */
export function orderGraphlets(graphlets: readonly Graphlet[]): Graphlet[] {
  return [...graphlets].sort((a, b) => a.index - b.index);
}

/**
 * Writes one feature row per graphlet of `ordered` (see orderGraphlets) into `out` from row
 * `rowOffset`, and STAGE_COSTS numbers per row into `costs`. Missing values (no history, no
 * comparable spans, no code version, no pre/post executions for an average) are NaN.
 */
export function writePipelineFeatures(
  trace: Trace,
  ordered: readonly Graphlet[],
  options: FeatureOptions,
  out: Float64Array,
  costs: Float64Array,
  rowOffset: number,
): void {
  const nf = featureDefinitions(options).length;
  const w = options.window;
  const n = trace.executions.length;
  const position = new Map<number, number>();
  const role = new Uint8Array(n);
  const cost = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const e = trace.executions[x]!;
    position.set(e.id, x);
    role[x] = ROLES.indexOf(e.role);
    cost[x] = executionCost(e);
  }
  const inputs = new Int32Array(n);
  const outputs = new Int32Array(n);
  for (const ev of trace.events) {
    const x = position.get(ev.execution);
    if (x === undefined) continue;
    if (ev.kind === 'input') inputs[x]! += 1;
    else outputs[x]! += 1;
  }
  const view = traceView(trace);
  const downStamp = new Int32Array(n).fill(-1);
  const preCounts = new Float64Array(PRE_COUNTED_ROLES.length + 1);
  const postCounts = new Float64Array(POST_COUNTED_ROLES.length + 1);
  const B = options.architectureBuckets;
  for (let i = 0; i < ordered.length; i++) {
    const g = ordered[i]!;
    const row = (rowOffset + i) * nf;
    let c = row;
    // History (§5.2.1): one feature per position k of the window, NaN when g has no k-th predecessor.
    for (let k = 1; k <= w; k++) out[c++] = orNaN(prior(ordered, i, k, (p) => spanJaccard(p, g)));
    for (let k = 1; k <= w; k++) {
      out[c++] = orNaN(prior(ordered, i, k, (p) => datasetSimilarity(view, p, g)));
    }
    for (let k = 1; k <= w; k++) {
      const m = prior(ordered, i, k, (p) => codeMatch(view, p, g));
      out[c++] = m === undefined ? Number.NaN : m ? 1 : 0;
    }
    // Model information: model type one-hot (all 0 when unrecorded), hashed architecture one-hot.
    const type = view.modelType(g.trainer);
    for (const t of MODEL_TYPES) out[c++] = t === type ? 1 : 0;
    const trainerExecution = view.execution(g.trainer);
    const arch =
      trainerExecution === undefined ? undefined : propertyOf(trainerExecution, MODEL_ARCHITECTURE);
    const bucket =
      B > 0 && (typeof arch === 'string' || typeof arch === 'number')
        ? fnv1a(String(arch)) % B
        : -1;
    for (let b = 0; b < B; b++) out[c++] = b === bucket ? 1 : 0;
    // Shape: partition the graphlet's executions.
    for (const id of g.downstream) {
      const x = position.get(id);
      if (x !== undefined) downStamp[x] = i;
    }
    preCounts.fill(0);
    postCounts.fill(0);
    let pre = 0;
    let preIn = 0;
    let preOut = 0;
    let post = 0;
    let postIn = 0;
    let postOut = 0;
    let trainers = 0;
    let trainerIn = 0;
    let trainerOut = 0;
    let ingestionCost = 0;
    let preCost = 0;
    let trainerCost = 0;
    let postCost = 0;
    for (const id of g.executions) {
      const x = position.get(id);
      if (x === undefined) continue;
      const r = role[x]!;
      if (id === g.trainer) {
        trainers++;
        trainerIn += inputs[x]!;
        trainerOut += outputs[x]!;
        trainerCost += cost[x]!;
      } else if (downStamp[x] === i) {
        postCounts[POST_SLOT[r]!]! += 1;
        post++;
        postIn += inputs[x]!;
        postOut += outputs[x]!;
        postCost += cost[x]!;
      } else {
        // A pre-trainer execution with the trainer role cannot occur (Up(n) stops at trainers).
        preCounts[r === TRAINER ? PRE_COUNTED_ROLES.length : PRE_SLOT[r]!]! += 1;
        pre++;
        preIn += inputs[x]!;
        preOut += outputs[x]!;
        preCost += cost[x]!;
        if (r === INGESTION) ingestionCost += cost[x]!;
      }
    }
    for (let s = 0; s < preCounts.length; s++) out[c++] = preCounts[s]!;
    out[c++] = pre === 0 ? Number.NaN : preIn / pre;
    out[c++] = pre === 0 ? Number.NaN : preOut / pre;
    out[c++] = trainers;
    out[c++] = trainers === 0 ? Number.NaN : trainerIn / trainers;
    out[c++] = trainers === 0 ? Number.NaN : trainerOut / trainers;
    for (let s = 0; s < postCounts.length; s++) out[c++] = postCounts[s]!;
    out[c++] = post === 0 ? Number.NaN : postIn / post;
    out[c++] = post === 0 ? Number.NaN : postOut / post;
    if (c !== row + nf)
      throw new TraceError('internal', 'waste', `wrote ${c - row} features, expected ${nf}`);
    const k = (rowOffset + i) * STAGE_COSTS;
    costs[k] = ingestionCost;
    costs[k + 1] = preCost;
    costs[k + 2] = trainerCost;
    costs[k + 3] = postCost;
  }
}

/** The comparison of graphlet i with its k-th predecessor, or undefined when there is none. */
function prior<T>(
  ordered: readonly Graphlet[],
  i: number,
  k: number,
  compare: (previous: Graphlet) => T | undefined,
): T | undefined {
  const previous = ordered[i - k];
  return previous === undefined ? undefined : compare(previous);
}

function orNaN(value: number | undefined): number {
  return value === undefined ? Number.NaN : value;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: a stable bucket for an architecture name. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
