/**
 * The random-forest variants of Table 3 (§5.3.1) and the ablations (§5.3.3), as subsets of the
 * feature columns, each with the pipeline stage after which its features exist.
 */
import { PAPER_TABLE_3, type PaperTable3Row } from '../stats/paper-targets.ts';
import type { FeatureDefinition } from './feature-definitions.ts';

/** Variant names exactly as Table 3 prints them. */
export const WASTE_VARIANTS = [
  'RF:Input',
  'RF:Input+Pre',
  'RF:Input+Pre+Trainer',
  'RF:Validation',
  'RF:History',
  'RF:Shape',
  'RF:Model-Type',
] as const;
export type WasteVariant = (typeof WASTE_VARIANTS)[number];

/** The four main variants (Figure 10(a)); the rest are the ablations (Figure 10(b)). */
export const MAIN_VARIANTS: readonly WasteVariant[] = WASTE_VARIANTS.slice(0, 4);

/**
 * When a graphlet's features exist: `config` before anything runs (the pipeline's configuration),
 * `ingestion` after its ingestion executions, `pre` after all pre-trainer operators, `trainer`
 * after the trainer too, `all` after every execution of the graphlet.
 */
export type CostStage = 'config' | 'ingestion' | 'pre' | 'trainer' | 'all';

export interface VariantDefinition {
  readonly name: WasteVariant;
  /** Whether the variant uses a feature column. */
  readonly uses: (feature: FeatureDefinition) => boolean;
  readonly stage: CostStage;
  /** Table 3's numbers (PAPER_TABLE_3). */
  readonly paper: PaperTable3Row;
}

const inputFeatures = (f: FeatureDefinition) =>
  f.group === 'input' || f.group === 'code' || f.group === 'model';

/**
 * The definitions. RF:Input is "all of the features except the graphlet shape features"; each
 * next main variant adds the shape of the next stage. RF:History is the input-data and
 * code-change history. RF:Shape is "only the counts for the operators excluding validators"
 * (§5.3.3): the execution counts of pre-trainer operators and the trainer, without the data
 * validation count and without post-trainer operators, whose counts are mostly validators and the
 * Pusher (Table 3 gives RF:Shape the trainer-stage cost 0.77, so no post-trainer feature is in
 * it); no input/output averages. RF:Model-Type is the model information alone.
 *
 * Feature costs: Table 3 prints 0.77 for every ablation (the cost of its baseline,
 * RF:Input+Pre+Trainer); here each variant's cost is where its own features exist, so RF:History
 * costs what RF:Input does and RF:Model-Type (known from the pipeline's configuration) costs 0.
 */
export const VARIANT_DEFINITIONS: Readonly<Record<WasteVariant, VariantDefinition>> = {
  'RF:Input': {
    name: 'RF:Input',
    uses: inputFeatures,
    stage: 'ingestion',
    paper: PAPER_TABLE_3['RF:Input'],
  },
  'RF:Input+Pre': {
    name: 'RF:Input+Pre',
    uses: (f) => inputFeatures(f) || f.group === 'pre',
    stage: 'pre',
    paper: PAPER_TABLE_3['RF:Input+Pre'],
  },
  'RF:Input+Pre+Trainer': {
    name: 'RF:Input+Pre+Trainer',
    uses: (f) => inputFeatures(f) || f.group === 'pre' || f.group === 'trainer',
    stage: 'trainer',
    paper: PAPER_TABLE_3['RF:Input+Pre+Trainer'],
  },
  'RF:Validation': {
    name: 'RF:Validation',
    uses: () => true,
    stage: 'all',
    paper: PAPER_TABLE_3['RF:Validation'],
  },
  'RF:History': {
    name: 'RF:History',
    uses: (f) => f.group === 'input' || f.group === 'code',
    stage: 'ingestion',
    paper: PAPER_TABLE_3['RF:History'],
  },
  'RF:Shape': {
    name: 'RF:Shape',
    uses: (f) => (f.group === 'pre' || f.group === 'trainer') && f.isCount && !f.isValidator,
    stage: 'trainer',
    paper: PAPER_TABLE_3['RF:Shape'],
  },
  'RF:Model-Type': {
    name: 'RF:Model-Type',
    uses: (f) => f.group === 'model',
    stage: 'config',
    paper: PAPER_TABLE_3['RF:Model-Type'],
  },
};

/** True for a Table 3 variant name. */
export function isWasteVariant(name: string): name is WasteVariant {
  return (WASTE_VARIANTS as readonly string[]).includes(name);
}

/** The table columns a variant uses, ascending. */
export function variantColumns(
  features: readonly FeatureDefinition[],
  variant: WasteVariant,
): Int32Array {
  const uses = VARIANT_DEFINITIONS[variant].uses;
  const columns: number[] = [];
  features.forEach((f, i) => {
    if (uses(f)) columns.push(i);
  });
  return Int32Array.from(columns);
}

/** The names of the features a variant uses, in column order. */
export function variantFeatureNames(
  features: readonly FeatureDefinition[],
  variant: WasteVariant,
): string[] {
  return Array.from(variantColumns(features, variant), (c) => features[c]!.name);
}
