/**
 * Which trained model the Waste page opens on, and how the model list names each model. A
 * training request trains the four main variants or one ablation, so the newest model may hold a
 * single ablation; the page opens on the newest model holding the four main ones (issue 12, 8).
 */
import { MAIN_VARIANTS } from '@graphlet/core';
import { countOf } from '../plural.ts';

/** The fields of a model summary this reads. */
export interface ModelListEntry {
  readonly id: string;
  readonly created: string;
  readonly variants: readonly string[];
  readonly scope: {
    readonly traces: readonly string[] | null;
    readonly pipelines: number;
    readonly testGraphlets: number;
  };
  readonly trees: number;
}

/** True when the model holds RF:Input, RF:Input+Pre, RF:Input+Pre+Trainer and RF:Validation. */
export function hasMainVariants(model: ModelListEntry): boolean {
  return MAIN_VARIANTS.every((v) => model.variants.includes(v));
}

/** The newest model with the four main variants, else the newest; undefined without models. */
export function defaultModel<M extends ModelListEntry>(models: readonly M[]): M | undefined {
  let newest: M | undefined;
  let newestMain: M | undefined;
  for (const m of models) {
    if (newest === undefined || m.created > newest.created) newest = m;
    if (hasMainVariants(m) && (newestMain === undefined || m.created > newestMain.created)) {
      newestMain = m;
    }
  }
  return newestMain ?? newest;
}

/** "2026-12-06 22:10 UTC · 4 main variants · whole corpus, 40 pipelines · 212 test graphlets · wm-3". */
export function describeModel(m: ModelListEntry): string {
  const variants = hasMainVariants(m)
    ? `${m.variants.length === MAIN_VARIANTS.length ? '4 main variants' : `${m.variants.length} variants`}`
    : m.variants.join(', ');
  const traces = m.scope.traces;
  const corpus =
    traces === null
      ? `whole corpus, ${countOf(m.scope.pipelines, 'pipeline')}`
      : `${countOf(traces.length, 'trace')}, ${countOf(m.scope.pipelines, 'pipeline')}`;
  const created = `${m.created.slice(0, 16).replace('T', ' ')} UTC`;
  return `${created} · ${variants} · ${corpus} · ${countOf(m.scope.testGraphlets, 'test graphlet')} · ${countOf(m.trees, 'tree')} · ${m.id}`;
}
