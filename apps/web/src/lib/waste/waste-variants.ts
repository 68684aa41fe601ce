/**
 * The seven classifier variants of Table 3 (paper §5.3), the paper's numbers for each, and which
 * appear in Figure 10(a) (the four main variants) and 10(b) (ablations beside their baseline).
 */
import { WASTE_VARIANTS, type WasteVariant } from '@graphlet/contract';

export { WASTE_VARIANTS, type WasteVariant };

/** Trained together by one request without a variant. */
export const MAIN_VARIANTS: readonly WasteVariant[] = WASTE_VARIANTS.slice(0, 4);
/** Trained one request each. */
export const ABLATION_VARIANTS: readonly WasteVariant[] = WASTE_VARIANTS.slice(4);

/** Figure 10(a): the four main variants; 10(b): the ablations with RF:Input+Pre+Trainer as baseline. */
export const FIGURE_10A: readonly WasteVariant[] = MAIN_VARIANTS;
export const FIGURE_10B: readonly WasteVariant[] = ['RF:Input+Pre+Trainer', ...ABLATION_VARIANTS];

/** Table 3 as printed: balanced accuracy, and feature cost where the paper states it. */
export const PAPER_TABLE_3: Readonly<
  Record<WasteVariant, { balancedAccuracy: number; featureCost: number | null }>
> = {
  'RF:Input': { balancedAccuracy: 0.737, featureCost: 0.31 },
  'RF:Input+Pre': { balancedAccuracy: 0.801, featureCost: 0.53 },
  'RF:Input+Pre+Trainer': { balancedAccuracy: 0.818, featureCost: 0.77 },
  'RF:Validation': { balancedAccuracy: 0.948, featureCost: 1 },
  'RF:History': { balancedAccuracy: 0.738, featureCost: null },
  'RF:Shape': { balancedAccuracy: 0.68, featureCost: null },
  'RF:Model-Type': { balancedAccuracy: 0.592, featureCost: null },
};

/** The default variant of the page (the paper's recommended trade-off). */
export const DEFAULT_VARIANT: WasteVariant = 'RF:Input+Pre';

/** Whether `name` is one of the seven variants. */
export function isWasteVariant(name: string): name is WasteVariant {
  return (WASTE_VARIANTS as readonly string[]).includes(name);
}
