/**
 * Plans a pipeline's runs before any node is built: when each run starts, which spans it
 * ingests and trains on, which trainers run, and the push outcome of each model. Planning
 * first lets the generator stop at the node cap and guarantee one push per pipeline (§2.2:
 * the corpus holds pipelines that deployed at least one model).
 */
import { DRIFT, FAILURE, MAX_TRACE_NODES, SCHEMA_REVISION_DAYS } from './calibration.ts';
import { bernoulli, uniform } from './distributions.ts';
import type { PipelineParams } from './pipeline-params.ts';
import { POST_TRAINER, PUSH_WINDOW, pushProbability } from './push-process.ts';
import { type Rng, seededRng } from './random.ts';

/** One trainer run and what followed it. */
interface PlannedTrainer {
  readonly slot: number;
  readonly failed: boolean;
  /** Reads its own slot's previous model as `base_model`. */
  readonly warmStart: boolean;
  readonly codeVersion: number;
  pushProbability: number;
  pushed: boolean;
  blessed: boolean;
  pusherRuns: boolean;
}

/** One run of the pipeline. */
interface PlannedRun {
  readonly startMs: number;
  /** Duration scale of this run's executions (fast pipelines run short chains). */
  readonly durationScale: number;
  /** Spans ingested by this run (ordinals into the pipeline's span list). */
  readonly newSpans: readonly number[];
  /** Stay probability of each new span's features. */
  readonly stays: readonly number[];
  /** Spans trained on (ascending ordinals). */
  readonly window: readonly number[];
  /** A revised schema is imported first (Figure 9(e)); Transform then reruns in full. */
  readonly schemaRevised: boolean;
  readonly transformFailed: boolean;
  readonly tunerRan: boolean;
  readonly trainers: readonly PlannedTrainer[];
}

/** The plan of a whole pipeline. */
export interface PipelinePlan {
  /** Spans ingested before the first run, so windows are full from the start. */
  readonly backfill: readonly number[];
  readonly backfillStays: readonly number[];
  readonly runs: readonly PlannedRun[];
}

const DAY_MS = 86_400_000;
/** Runs after a trainer code change during which no other change lands. */
const SOAK_RUNS = 2;
/** Base wall time of one run's chain (ingestion to push), before scaling to the cadence. */
export const CHAIN_MS = 4 * 3_600_000;
/** Schema revision times draw from their own stream, so they shift no other draw. */
const SCHEMA_STREAM = 4;

/** Plans the runs of a pipeline under `params`. */
export function planRuns(params: PipelineParams, rng: Rng): PipelinePlan {
  const trainersPerRun = 1 + (params.parallel - 1) * params.parallelRunShare;
  const runsPerDay = params.modelsPerDay / trainersPerRun;
  const plannedRuns = Math.max(2, Math.round(params.lifespanDays * runsPerDay));
  const spanMs = params.lifespanDays * DAY_MS;
  const gapMs = Math.max(60_000, Math.min(spanMs / (plannedRuns - 1), DAY_MS / runsPerDay));
  const durationScale = Math.min(1, (0.5 * gapMs) / CHAIN_MS);
  const backfillCount = Math.max(0, params.window - Math.max(params.slide, 1));
  const backfill = Array.from({ length: params.staticData ? 0 : backfillCount }, (_, i) => i);
  const backfillStays = backfill.map(() => stayOf(rng, params.driftStay));
  const backfillMs = backfill.length * 5 * 60_000 * durationScale;
  let spanCount = backfill.length;
  let nodes = backfill.length * spanNodes(params) + (params.dataValidation ? 2 : 0);
  let window: readonly number[] = backfill.slice();
  const switchRuns = params.later.map((phase) => Math.floor(plannedRuns * phase.switchAt));
  let phase = { window: params.window, slide: params.slide };
  const spanStays = backfillStays.slice();
  let codeVersion = 0;
  let lastCodeChange = Number.NEGATIVE_INFINITY;
  // The graphlets planned so far (every trainer run, failed ones too), newest last.
  const history: { readonly window: readonly number[]; readonly code: number }[] = [];
  const slotsWithModel = new Set<number>();
  const runs: PlannedRun[] = [];
  const firstParallelRun = Math.floor(plannedRuns * (1 - params.parallelRunShare));
  const firstStartMs = params.startMs + backfillMs + 10 * 60_000;
  const schemaRng = seededRng(params.seed, SCHEMA_STREAM, params.index);
  const schemaGapMs = () => -Math.log(1 - schemaRng.float()) * SCHEMA_REVISION_DAYS * DAY_MS;
  let nextSchemaMs = params.dataValidation
    ? params.startMs + schemaGapMs()
    : Number.POSITIVE_INFINITY;
  // A schema revised since Transform last completed: Transform must rerun, even on old spans.
  let transformStale = false;
  for (let r = 0; r < plannedRuns; r++) {
    const jitter = r === 0 || r === plannedRuns - 1 ? 0 : uniform(rng, -0.2, 0.2);
    const startMs = Math.round(firstStartMs + (r + jitter) * gapMs);
    const next = params.later[switchRuns.indexOf(r)];
    if (next !== undefined) {
      // A later, larger window starts full from the spans at hand: a growing window would pair
      // identical spans ordinally and read as unchanged data.
      phase = { window: Math.min(next.window, Math.max(1, spanCount)), slide: next.slide };
    }
    let newSpans: number[] = [];
    if (params.staticData) {
      if (r === 0) newSpans = Array.from({ length: params.window }, (_, i) => i);
    } else if (r === 0 || !bernoulli(rng, params.retrainShare)) {
      newSpans = Array.from({ length: Math.max(phase.slide, 1) }, (_, i) => spanCount + i);
    }
    const stays = newSpans.map(() => stayOf(rng, params.driftStay));
    spanStays.push(...stays);
    const size = phase.window;
    const end = spanCount + newSpans.length;
    const nextWindow =
      newSpans.length > 0 || size !== window.length ? range(Math.max(0, end - size), end) : window;
    // New trainer code soaks for SOAK_RUNS runs before the next change lands (push-process.ts).
    if (r > 0 && r - lastCodeChange > SOAK_RUNS && bernoulli(rng, params.codeChangeRate)) {
      codeVersion++;
      lastCodeChange = r;
    }
    // What dataset similarity with the previous graphlet sees: under ordinal pairing of windows
    // sliding by one, the mean stay of the window's spans after its first.
    const calm = meanStay(spanStays, nextWindow);
    const slots = params.parallel > 1 && r >= firstParallelRun ? params.parallel : 1;
    const transformFailed =
      params.transform &&
      newSpans.length > 0 &&
      slotsWithModel.size > 0 &&
      bernoulli(rng, FAILURE.transform);
    const tunerRan = !transformFailed && bernoulli(rng, params.tunerRunShare);
    const trainers: PlannedTrainer[] = [];
    const planned: typeof history = [];
    for (let slot = 0; slot < (transformFailed ? 0 : slots); slot++) {
      // The first model never fails, so every pipeline deploys (§2.2).
      const failed = slotsWithModel.size > 0 && bernoulli(rng, FAILURE.trainer);
      const warmStart = params.warmStart && slotsWithModel.has(slot);
      const before = history.concat(planned);
      const prior = (k: number) => before[before.length - k];
      const ks = Array.from({ length: PUSH_WINDOW }, (_, i) => i + 1);
      const signals = {
        modelType: params.modelType,
        jaccard: ks.map((k) => {
          const p = prior(k);
          return p === undefined ? undefined : jaccard(p.window, nextWindow);
        }),
        codeMatch: ks.map((k) => {
          const p = prior(k);
          return p === undefined ? undefined : p.code === codeVersion;
        }),
        calm,
        dataValidation: params.dataValidation,
        tunerRan,
      };
      trainers.push({
        slot,
        failed,
        warmStart,
        codeVersion,
        pushProbability: failed ? 0 : pushProbability(signals),
        pushed: false,
        blessed: false,
        pusherRuns: false,
      });
      planned.push({ window: nextWindow, code: codeVersion });
    }
    decidePushes(rng, trainers, params.modelValidation);
    const schemaRevised = startMs >= nextSchemaMs;
    const stale: boolean = transformStale || schemaRevised;
    const runNodes = countRunNodes(
      params,
      newSpans.length,
      schemaRevised,
      stale,
      tunerRan,
      trainers,
    );
    if (nodes + runNodes > MAX_TRACE_NODES && runs.length >= 2) break;
    nodes += runNodes;
    if (schemaRevised) nextSchemaMs = startMs + schemaGapMs();
    transformStale = stale && transformFailed;
    spanCount += newSpans.length;
    window = nextWindow;
    history.push(...planned);
    for (const t of trainers) if (!t.failed) slotsWithModel.add(t.slot);
    runs.push({
      startMs,
      durationScale,
      newSpans,
      stays,
      window,
      schemaRevised,
      transformFailed,
      tunerRan,
      trainers,
    });
  }
  pushFirstModel(runs);
  return { backfill, backfillStays, runs };
}

/** Stay probability of one span: exponential around the pipeline's mean, capped. */
function stayOf(rng: Rng, mean: number): number {
  // Mostly restless data, with occasional calm spans (DRIFT.calm) the push process favours.
  if (bernoulli(rng, DRIFT.calmShare)) return uniform(rng, DRIFT.calm[0], DRIFT.calm[1]);
  return Math.min(DRIFT.maxStay, -mean * Math.log(1 - rng.float()));
}

/** Jaccard similarity of two ascending ordinal lists. */
function jaccard(a: readonly number[], b: readonly number[]): number {
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * At most one model per run is pushed (A/B trainers compete, evaluated in a seeded random
 * order, so no arm is favoured); then the post-trainer shape follows.
 */
function decidePushes(rng: Rng, trainers: PlannedTrainer[], modelValidation: boolean): void {
  const order = trainers.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.float() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let pushedOne = false;
  for (const i of order) {
    const t = trainers[i]!;
    t.pushed = !pushedOne && !t.failed && bernoulli(rng, t.pushProbability);
    pushedOne ||= t.pushed;
  }
  for (const t of trainers) postTrainerShape(rng, t, modelValidation);
}

function postTrainerShape(rng: Rng, t: PlannedTrainer, modelValidation: boolean): void {
  if (t.failed) return;
  if (t.pushed) {
    t.blessed = true;
    t.pusherRuns = true;
    return;
  }
  if (!modelValidation) {
    t.blessed = false;
    t.pusherRuns = bernoulli(rng, POST_TRAINER.pusherRunsWithoutValidation);
    return;
  }
  t.blessed = bernoulli(rng, POST_TRAINER.blessedWhenUnpushed);
  t.pusherRuns = bernoulli(
    rng,
    t.blessed ? POST_TRAINER.pusherRunsWhenBlessedUnpushed : POST_TRAINER.pusherRunsWhenUnblessed,
  );
}

/**
 * A pipeline's first model has no baseline to beat, so it is pushed; this also gives every
 * pipeline the push the paper's corpus required (§2.2). A/B siblings of it stay unpushed.
 */
function pushFirstModel(runs: readonly PlannedRun[]): void {
  for (const run of runs) {
    const first = run.trainers.find((t) => !t.failed);
    if (first === undefined) continue;
    for (const t of run.trainers) {
      if (t === first || !t.pushed) continue;
      t.pushed = false;
      t.pusherRuns = false;
    }
    first.pushed = true;
    first.blessed = true;
    first.pusherRuns = true;
    return;
  }
}

/** Nodes one ingested span adds: ExampleGen and its span, plus StatisticsGen and ExampleValidator. */
function spanNodes(params: PipelineParams): number {
  return 2 + (params.dataValidation ? 4 : 0);
}

function countRunNodes(
  params: PipelineParams,
  newSpans: number,
  schemaRevised: boolean,
  transformStale: boolean,
  tunerRan: boolean,
  trainers: readonly PlannedTrainer[],
): number {
  let n = newSpans * spanNodes(params) + (schemaRevised ? 2 : 0);
  // Transform reruns in full on new spans or a new schema; else a cached run re-emits its outputs.
  if (params.transform) n += newSpans > 0 || transformStale ? 3 : 1;
  if (tunerRan) n += 2;
  for (const t of trainers) {
    n += t.failed ? 1 : 3;
    if (t.failed) continue;
    if (params.modelValidation) n += 3;
    if (params.infraValidation && t.blessed) n += 2;
    if (t.pusherRuns) n += 2;
  }
  return n;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function meanStay(stays: readonly number[], window: readonly number[]): number {
  if (window.length <= 1) return stays[window[0] ?? -1] ?? 0;
  let sum = 0;
  for (let i = 1; i < window.length; i++) sum += stays[window[i]!] ?? 0;
  return sum / (window.length - 1);
}
