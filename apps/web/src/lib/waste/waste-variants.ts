/**
 * The seven classifier variants of Table 3 (paper §5.3, core's WASTE_VARIANTS) as the waste page
 * groups them: Figure 10(a) (the four main variants) and 10(b) (ablations beside their baseline).
 */
import { MAIN_VARIANTS, WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';

/** Trained one request each (the main variants are trained together by one request). */
export const ABLATION_VARIANTS: readonly WasteVariant[] = WASTE_VARIANTS.slice(4);

/** Figure 10(a): the four main variants; 10(b): the ablations with RF:Input+Pre+Trainer as baseline. */
export const FIGURE_10A: readonly WasteVariant[] = MAIN_VARIANTS;
export const FIGURE_10B: readonly WasteVariant[] = ['RF:Input+Pre+Trainer', ...ABLATION_VARIANTS];

/** The default variant of the page (the paper's recommended trade-off). */
export const DEFAULT_VARIANT: WasteVariant = 'RF:Input+Pre';
