/** A figure of shares per category (5, 6, 7, 9f): ours beside the paper's stated shares. */

import type { PaperTargets } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { CategoryBarChart } from '../../components/charts/category-bar-chart.tsx';
import {
  type Category,
  categoryBars,
  categoryChartHeight,
} from '../../lib/figures/category-bars.ts';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import { keyNumbers } from '../../lib/figures/paper-reference.ts';
import { FigurePanel } from './figure-panel.tsx';

export interface CategorySharePanelProps {
  readonly entry: FigureEntry;
  /** The figure's node in the document (availability, and the paper's other numbers). */
  readonly figure: { readonly available: boolean; readonly reason?: string | undefined };
  readonly values: Readonly<Record<string, number | null>>;
  readonly categories: readonly Category[];
  /** The field of `figure` holding `values` ("shares", "likelihood"). */
  readonly field: string;
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
  readonly xLabel: string;
  readonly note?: string;
  /** Measured items per category, shown in the labels. */
  readonly counts?: Readonly<Record<string, number>>;
}

/** Horizontal bars per category with value labels. */
export const CategorySharePanel = memo(function CategorySharePanel({
  entry,
  figure,
  values,
  categories,
  field,
  paper,
  claim,
  xLabel,
  note,
  counts,
}: CategorySharePanelProps) {
  const data = useMemo(() => {
    const prefix = `${entry.path}.${field}`;
    const bars = categoryBars(categories, values, paper, prefix, counts);
    // Numbers the bars show are listed only when there are no bars.
    const numbers = keyNumbers(figure, paper, entry.path).filter(
      (n) => !figure.available || !n.path.startsWith(`${prefix}.`),
    );
    return { ...bars, numbers };
  }, [entry.path, field, categories, values, paper, figure, counts]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      keyNumbers={data.numbers}
      {...(note === undefined ? {} : { note })}
      height={categoryChartHeight(data.rows)}
    >
      <CategoryBarChart rows={data.rows} bounds={data.bounds} format="share" xLabel={xLabel} />
    </FigurePanel>
  );
});
