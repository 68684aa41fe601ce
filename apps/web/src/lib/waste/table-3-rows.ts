/** Table 3 for the corpus: each variant's balanced accuracy and feature cost beside the paper's. */
import { PAPER_TABLE_3, WASTE_VARIANTS, type WasteVariant } from '@graphlet/core';

/** The fields of a server row the table reads. */
export interface WasteRowInput {
  readonly variant: string;
  readonly balancedAccuracy: number;
  readonly featureCost: number | null;
  readonly wasteRemovedAtFreshness99: number;
}

/** One table row; `ours` is null when no model at hand has the variant. */
export interface Table3Row {
  readonly variant: WasteVariant;
  readonly ours: {
    readonly model: string;
    readonly balancedAccuracy: string;
    readonly featureCost: string;
    readonly wasteRemoved99: string;
  } | null;
  readonly paper: { readonly balancedAccuracy: string; readonly featureCost: string };
}

const three = (x: number) => x.toFixed(3).replace(/^0\./, '.');

/** Seven rows in the paper's order from the rows of the models that trained each variant. */
export function table3Rows(
  sources: ReadonlyMap<WasteVariant, { model: string; row: WasteRowInput }>,
): Table3Row[] {
  return WASTE_VARIANTS.map((variant) => {
    const paper = PAPER_TABLE_3[variant];
    const found = sources.get(variant);
    return {
      variant,
      ours:
        found === undefined
          ? null
          : {
              model: found.model,
              balancedAccuracy: three(found.row.balancedAccuracy),
              featureCost: found.row.featureCost === null ? '—' : three(found.row.featureCost),
              wasteRemoved99: `${(found.row.wasteRemovedAtFreshness99 * 100).toFixed(1)}%`,
            },
      paper: {
        balancedAccuracy: three(paper.balancedAccuracy),
        featureCost: three(paper.featureCost),
      },
    };
  });
}
