/** Figure 4: analyzer usage, as the paper's two views (share of pipelines, total uses). */

import type { StatsDocument } from '@graphlet/contract';
import { memo, useMemo } from 'react';
import { CategoryBarChart } from '../../components/charts/category-bar-chart.tsx';
import { OKABE_ITO, type SeriesStyle } from '../../components/charts/chart-palette.ts';
import { categoryBars, withExtraCategories } from '../../lib/figures/category-bars.ts';
import { ANALYZERS } from '../../lib/figures/figure-catalog.ts';
import { keyNumbers } from '../../lib/figures/paper-reference.ts';
import { countOf } from '../../lib/plural.ts';
import { FigurePanel, type FigureProps } from './figure-panel.tsx';

export type AnalyzerPanelProps = FigureProps<StatsDocument['figures']['4']>;

const USES: SeriesStyle = {
  key: 'uses',
  label: 'Total uses (this corpus)',
  color: OKABE_ITO.green,
  pattern: 'cross',
  dash: '',
};

/** Two bar charts over analyzer kinds. */
export const AnalyzerPanel = memo(function AnalyzerPanel({
  entry,
  figure,
  paper,
  claim,
}: AnalyzerPanelProps) {
  const data = useMemo(() => {
    const categories = withExtraCategories(ANALYZERS, figure.pipelineShare);
    return {
      categories,
      share: categoryBars(categories, figure.pipelineShare, paper, `${entry.path}.pipelineShare`),
      uses: categoryBars(categories, figure.totalUses, {}, `${entry.path}.totalUses`),
      numbers: keyNumbers(figure, paper, entry.path),
    };
  }, [figure, paper, entry.path]);
  const chartHeight = 84 + data.categories.length * 30;
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      keyNumbers={data.numbers}
      note={`${countOf(figure.pipelines, 'pipeline')} ${figure.pipelines === 1 ? 'records' : 'record'} Transform analyzers.`}
      height={chartHeight * 2}
    >
      <h3>Percentage of pipelines using each analyzer at least once</h3>
      <CategoryBarChart rows={data.share.rows} format="share" xLabel="Share of pipelines (%)" />
      <h3>Total uses across all traces</h3>
      <CategoryBarChart
        rows={data.uses.rows}
        format="count"
        xLabel="Analyzer uses (count)"
        ours={USES}
      />
    </FigurePanel>
  );
});
