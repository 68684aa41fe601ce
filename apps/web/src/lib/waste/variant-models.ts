/**
 * Which stored model answers for each variant. One training request trains the four main
 * variants or one ablation, so a full Table 3 joins the selected model with the newest models
 * trained on the same traces, trees and seed (the same pipeline split) that hold the rest.
 */
import { isWasteVariant, WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';
import type { ModelListEntry } from './default-model.ts';

/** The fields of a model summary this needs: those the model list reads, and the seed. */
export type ModelSummaryInput = Omit<ModelListEntry, 'created'> & { readonly seed: number };

/** Same traces, trees and seed: the same split, so their Table 3 rows sit side by side. */
function sameExperiment(a: ModelSummaryInput, b: ModelSummaryInput): boolean {
  const traces = (m: ModelSummaryInput) =>
    m.scope.traces === null ? '*' : [...m.scope.traces].sort().join(',');
  return (
    a.trees === b.trees &&
    a.seed === b.seed &&
    a.scope.pipelines === b.scope.pipelines &&
    a.scope.testGraphlets === b.scope.testGraphlets &&
    traces(a) === traces(b)
  );
}

/** Variant -> model id: the selected model's own variants, the others from its newest companions. */
export function variantModels(
  models: readonly ModelSummaryInput[],
  selected: ModelSummaryInput,
): Map<WasteVariant, string> {
  const out = new Map<WasteVariant, string>();
  for (const v of selected.variants) if (isWasteVariant(v)) out.set(v, selected.id);
  // `models` is newest first, so the first companion holding a variant wins.
  for (const model of models) {
    if (model.id === selected.id || !sameExperiment(model, selected)) continue;
    for (const v of model.variants) if (isWasteVariant(v) && !out.has(v)) out.set(v, model.id);
  }
  return new Map(WASTE_VARIANTS.filter((v) => out.has(v)).map((v) => [v, out.get(v) as string]));
}
