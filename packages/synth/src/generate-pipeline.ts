/**
 * Builds one pipeline's trace from its plan (plan-runs.ts) with core's TraceBuilder: TFX
 * component and artifact types, event keys, node names, timestamps (artifacts are created when
 * their producer ends), states (cached re-runs, failed runs) and the project's metadata keys.
 */
import {
  ANALYZERS,
  type ArtifactId,
  BASE_MODEL_KEY,
  CODE_VERSION,
  CPU_SECONDS,
  type ExecutionId,
  FEATURE_STATISTICS,
  MODEL_ARCHITECTURE,
  MODEL_TYPE,
  type Properties,
  PUSHED,
  SPAN,
  type Trace,
  TraceBuilder,
} from '@graphlet/core';
import { COST_SPREAD, CPU_SECONDS as CPU_MEANS, TUNED_TRAINER_COST } from './calibration.ts';
import { lognormal } from './distributions.ts';
import type { PipelineParams } from './pipeline-params.ts';
import { CHAIN_MS, type PipelinePlan, planRuns } from './plan-runs.ts';
import { hash32, type Rng } from './random.ts';
import { createFeatureDrift } from './span-features.ts';
import { ARTIFACT, COMPONENT } from './tfx-names.ts';

type Component = keyof typeof CPU_MEANS;

/** Base wall time of each component, as a share of the run chain (CHAIN_MS). */
const DURATION_SHARE: Readonly<Record<Component, number>> = {
  exampleGen: 0.1,
  statisticsGen: 0.06,
  exampleValidator: 0.01,
  importSchemaGen: 0.001,
  transform: 0.12,
  tuner: 0.25,
  trainer: 0.35,
  evaluator: 0.1,
  infraValidator: 0.04,
  pusher: 0.01,
};

/** Generates the trace of one pipeline; the same params and rng state give the same trace. */
export function generatePipeline(params: PipelineParams, rng: Rng): Trace {
  const plan = planRuns(params, rng);
  return new PipelineEmitter(params, rng).emit(plan);
}

class PipelineEmitter {
  private readonly b: TraceBuilder;
  private readonly params: PipelineParams;
  private readonly rng: Rng;
  private readonly spans: ArtifactId[] = [];
  private readonly drift;
  private schema: ArtifactId | undefined;
  private transformOut: { graph: ArtifactId; examples: ArtifactId } | undefined;
  private readonly lastModel = new Map<number, ArtifactId>();
  private lastBlessed: ArtifactId | undefined;
  private runId = 0;
  private readonly created = new Map<ArtifactId, number>();

  constructor(params: PipelineParams, rng: Rng) {
    this.params = params;
    this.rng = rng;
    this.b = new TraceBuilder(params.name);
    this.drift = createFeatureDrift(
      rng,
      params.featureCount,
      params.categoricalShare,
      params.modelType,
    );
  }

  emit(plan: PipelinePlan): Trace {
    const p = this.params;
    if (p.dataValidation) this.importSchema(p.startMs);
    let t = p.startMs + 60_000;
    const backfillScale = plan.runs[0]?.durationScale ?? 1;
    for (const stay of plan.backfillStays) {
      this.ingest(t, backfillScale, stay);
      t += 5 * 60_000 * backfillScale;
    }
    for (const run of plan.runs) {
      this.runId++;
      this.emitRun(run);
    }
    return this.b.build();
  }

  private emitRun(run: PipelinePlan['runs'][number]): void {
    const p = this.params;
    const scale = run.durationScale;
    let t = run.startMs;
    if (run.schemaRevised) t = this.importSchema(t);
    for (const stay of run.stays) t = this.ingest(t, scale, stay);
    const window = run.window.map((i) => this.spans[i]!);
    const newest = window.at(-1)!;
    let examples: readonly ArtifactId[] = window;
    let transformGraph: ArtifactId | undefined;
    if (p.transform) {
      const inputs: [ArtifactId, string][] = window.map((s) => [s, 'examples']);
      if (this.schema !== undefined) inputs.push([this.schema, 'schema']);
      if (run.newSpans.length === 0 && this.transformOut !== undefined) {
        // Retraining on unchanged data: TFX records a cached Transform re-emitting its outputs.
        const e = this.exec('transform', 'Transform', t, scale, inputs, 'cached');
        this.b.link(e.id, this.transformOut.graph, 'output', 'transform_graph');
        this.b.link(e.id, this.transformOut.examples, 'output', 'transformed_examples');
        t = e.endMs;
      } else {
        const failed = run.transformFailed;
        const e = this.exec(
          'transform',
          'Transform',
          t,
          scale,
          inputs,
          failed ? 'failed' : 'complete',
          {
            [ANALYZERS]: this.analyzers(),
          },
        );
        t = e.endMs;
        if (failed) return;
        this.transformOut = {
          graph: this.out(e.id, ARTIFACT.transformGraph, 'transform_graph', t),
          examples: this.out(e.id, ARTIFACT.examples, 'transformed_examples', t),
        };
      }
      examples = [this.transformOut!.examples];
      transformGraph = this.transformOut!.graph;
    }
    let hyperparameters: ArtifactId | undefined;
    if (run.tunerRan) {
      const inputs = this.modelInputs(examples, transformGraph);
      const e = this.exec('tuner', 'Tuner', t, scale, inputs);
      t = e.endMs;
      hyperparameters = this.out(e.id, ARTIFACT.hyperParameters, 'best_hyperparameters', t);
    }
    for (const trainer of run.trainers) {
      const node =
        trainer.slot === 0 ? 'Trainer' : `Trainer.ab_${String.fromCharCode(97 + trainer.slot)}`;
      const inputs = this.modelInputs(examples, transformGraph);
      if (hyperparameters !== undefined) inputs.push([hyperparameters, 'hyperparameters']);
      const base = this.lastModel.get(trainer.slot);
      if (trainer.warmStart && base !== undefined) inputs.push([base, BASE_MODEL_KEY]);
      const props: Properties = {
        [MODEL_TYPE]: p.modelType,
        [CODE_VERSION]: codeHash(p, trainer.codeVersion),
      };
      if (p.modelType === 'DNN' || p.modelType === 'DNN+Linear') {
        props[MODEL_ARCHITECTURE] = architecture(p, trainer.slot);
      }
      // Trainers of one run start together (parallel A/B), a second apart to keep a total order.
      const start = t + trainer.slot * 1000;
      const e = this.exec(
        'trainer',
        node,
        start,
        scale,
        inputs,
        trainer.failed ? 'failed' : 'complete',
        props,
        run.tunerRan ? TUNED_TRAINER_COST : 1,
      );
      if (trainer.failed) continue;
      const model = this.out(e.id, ARTIFACT.model, 'model', e.endMs);
      this.out(e.id, ARTIFACT.modelRun, 'model_run', e.endMs);
      this.lastModel.set(trainer.slot, model);
      this.postTrainer(trainer, node, model, newest, e.endMs, scale);
    }
  }

  private postTrainer(
    trainer: PipelinePlan['runs'][number]['trainers'][number],
    node: string,
    model: ArtifactId,
    newest: ArtifactId,
    at: number,
    scale: number,
  ): void {
    const p = this.params;
    const suffix = node.slice('Trainer'.length);
    let t = at;
    let blessing: ArtifactId | undefined;
    let infraBlessing: ArtifactId | undefined;
    if (p.modelValidation) {
      const inputs: [ArtifactId, string][] = [
        [newest, 'examples'],
        [model, 'model'],
      ];
      if (this.lastBlessed !== undefined) inputs.push([this.lastBlessed, 'baseline_model']);
      const e = this.exec('evaluator', `Evaluator${suffix}`, t, scale, inputs);
      t = e.endMs;
      this.out(e.id, ARTIFACT.evaluation, 'evaluation', t);
      blessing = this.out(e.id, ARTIFACT.blessing, 'blessing', t, {
        blessed: trainer.blessed ? 1 : 0,
      });
      if (p.infraValidation && trainer.blessed) {
        const iv = this.exec('infraValidator', `InfraValidator${suffix}`, t, scale, [
          [model, 'model'],
          [newest, 'examples'],
        ]);
        t = iv.endMs;
        infraBlessing = this.out(iv.id, ARTIFACT.infraBlessing, 'blessing', t, { blessed: 1 });
      }
    }
    if (trainer.blessed) this.lastBlessed = model;
    if (!trainer.pusherRuns) return;
    const inputs: [ArtifactId, string][] = [[model, 'model']];
    if (blessing !== undefined) inputs.push([blessing, 'model_blessing']);
    if (infraBlessing !== undefined) inputs.push([infraBlessing, 'infra_blessing']);
    const e = this.exec('pusher', `Pusher${suffix}`, t, scale, inputs);
    this.out(e.id, ARTIFACT.pushedModel, 'pushed_model', e.endMs, {
      [PUSHED]: trainer.pushed ? 1 : 0,
    });
  }

  /** Imports a (revised) curated schema; Transform reruns on it (its cached outputs no longer apply). */
  private importSchema(at: number): number {
    const e = this.exec('importSchemaGen', 'ImportSchemaGen', at, 1, []);
    this.schema = this.out(e.id, ARTIFACT.schema, 'schema', e.endMs);
    this.transformOut = undefined;
    return e.endMs;
  }

  /** Ingests one span (ExampleGen, then StatisticsGen and ExampleValidator when validating). */
  private ingest(at: number, scale: number, stay: number): number {
    const p = this.params;
    const number = this.spans.length;
    const e = this.exec(
      'exampleGen',
      `${exampleGenNode(p.exampleGen)}:span-${number}`,
      at,
      scale,
      [],
    );
    const span = this.out(e.id, ARTIFACT.examples, 'examples', e.endMs, {
      [SPAN]: number,
      [FEATURE_STATISTICS]: this.drift.next(stay),
    });
    this.spans.push(span);
    if (!p.dataValidation) return e.endMs;
    const s = this.exec('statisticsGen', `StatisticsGen:span-${number}`, e.endMs, scale, [
      [span, 'examples'],
    ]);
    const stats = this.out(s.id, ARTIFACT.statistics, 'statistics', s.endMs);
    const v = this.exec('exampleValidator', `ExampleValidator:span-${number}`, s.endMs, scale, [
      [stats, 'statistics'],
      [this.schema!, 'schema'],
    ]);
    this.out(v.id, ARTIFACT.anomalies, 'anomalies', v.endMs);
    return v.endMs;
  }

  private modelInputs(examples: readonly ArtifactId[], transformGraph: ArtifactId | undefined) {
    const inputs: [ArtifactId, string][] = examples.map((x) => [x, 'examples']);
    if (transformGraph !== undefined) inputs.push([transformGraph, 'transform_graph']);
    if (this.schema !== undefined) inputs.push([this.schema, 'schema']);
    return inputs;
  }

  private exec(
    component: Component,
    node: string,
    plannedAt: number,
    scale: number,
    inputs: readonly (readonly [ArtifactId, string])[],
    state: 'complete' | 'failed' | 'cached' = 'complete',
    extra: Properties = {},
    costFactor = 1,
  ): { id: ExecutionId; endMs: number } {
    const p = this.params;
    // Never start before an input exists (lognormal durations can overrun the planned slot).
    let at = plannedAt;
    for (const [artifact] of inputs) at = Math.max(at, this.created.get(artifact) ?? at);
    const base = DURATION_SHARE[component] * CHAIN_MS * scale;
    const duration = Math.max(1000, Math.round(lognormal(this.rng, base, 0.3)));
    const endMs = at + (state === 'cached' ? 1000 : duration);
    const cpu =
      state === 'cached'
        ? 0
        : CPU_MEANS[component] *
          costFactor *
          p.costScale *
          lognormal(this.rng, 1, COST_SPREAD.execution) *
          (state === 'failed' ? 0.5 : 1);
    const type = component === 'exampleGen' ? p.exampleGen : COMPONENT[component];
    const id = this.b.execution(type, {
      name: `${p.name}:run-${this.runId}:${node}`,
      state,
      startMs: at,
      endMs,
      inputs,
      customProperties: { [CPU_SECONDS]: Math.round(cpu * 10) / 10, ...extra },
    });
    return { id, endMs };
  }

  private out(
    execution: ExecutionId,
    type: string,
    key: string,
    at: number,
    props: Properties = {},
  ) {
    const id = this.b.output(execution, type, key, {
      name: `${this.params.name}:run-${this.runId}:${key}:${execution}`,
      uri: `gs://synth/${this.params.name}/${execution}/${key}`,
      createdMs: at,
      customProperties: props,
    });
    this.created.set(id, at);
    return id;
  }

  private analyzers(): Properties[string] {
    const p = this.params;
    const categorical = Math.round(p.featureCount * p.categoricalShare);
    const numeric = p.featureCount - categorical;
    const h = hash32(p.seed, p.index, 0xa1);
    const counts: Record<string, number> = { vocabulary: categorical };
    if (h & 1) counts.min = Math.ceil(numeric / 3);
    if (h & 2) counts.max = Math.ceil(numeric / 3);
    if (h & 4 || (h & 3) === 0) counts.mean = numeric;
    if (h & 4) counts.variance = numeric;
    if (h & 8) counts.quantiles = Math.ceil(numeric / 4);
    // Figure 4: custom analyzers appear in several pipelines but are rarely used.
    if ((h >>> 4) % 8 === 0) counts.custom = 1;
    return counts;
  }
}

function exampleGenNode(type: string): string {
  return type.slice(type.lastIndexOf('.') + 1);
}

function codeHash(p: PipelineParams, version: number): string {
  return (hash32(p.seed, p.index, 0xc0de, version) >>> 0).toString(16).padStart(8, '0');
}

function architecture(p: PipelineParams, slot: number): string {
  const h = hash32(p.seed, p.index, 0xa7c, slot) >>> 0;
  const layers = 2 + (h % 3);
  const width = 2 ** (6 + ((h >>> 3) % 4));
  return Array.from({ length: layers }, (_, i) => Math.max(16, width >> i)).join('x');
}
