/** Model types (Figure 5) and the DNN / Linear / Rest classes of Figures 3(d)-(f). */
import type { ModelType } from '../metadata-keys.ts';
import type { PropertyValue } from '../trace.ts';

const ALIASES: Readonly<Record<string, ModelType>> = {
  dnn: 'DNN',
  deep: 'DNN',
  neuralnetwork: 'DNN',
  dnnlinear: 'DNN+Linear',
  lineardnn: 'DNN+Linear',
  widedeep: 'DNN+Linear',
  wideanddeep: 'DNN+Linear',
  dnnlinearcombined: 'DNN+Linear',
  linear: 'Linear',
  tree: 'Tree',
  trees: 'Tree',
  boostedtrees: 'Tree',
  gbdt: 'Tree',
  randomforest: 'Tree',
  decisiontree: 'Tree',
  other: 'Other',
};

/**
 * Normalises a `model_type` value to MODEL_TYPES, ignoring case and punctuation
 * (`dnn_linear` -> DNN+Linear); other text is `Other`; missing or empty -> undefined.
 */
export function normalizeModelType(value: PropertyValue | undefined): ModelType | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return undefined;
  return ALIASES[key] ?? 'Other';
}

/** The classes of Figures 3(d)-(f). */
export const MODEL_CLASSES = ['DNN', 'Linear', 'Rest'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];

/**
 * The Figure 3(d)-(f) class of a model type. The paper's "DNN refers to all deep learning
 * models", so DNN+Linear (a deep model with a linear part) counts as DNN; Tree and Other are Rest.
 */
export function modelClassOf(type: ModelType): ModelClass {
  if (type === 'DNN' || type === 'DNN+Linear') return 'DNN';
  return type === 'Linear' ? 'Linear' : 'Rest';
}
