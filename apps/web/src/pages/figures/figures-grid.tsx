/** Every figure and table of the paper for one statistics document, in the paper's order. */

import type { StatsDocument } from '@graphlet/contract';
import { memo } from 'react';
import { FIGURES, MODEL_TYPES, OPERATOR_GROUPS } from '../../lib/figures/figure-catalog.ts';
import { countOf } from '../../lib/plural.ts';
import { AnalyzerPanel } from './analyzer-panel.tsx';
import { ByClassPanel } from './by-class-panel.tsx';
import { CategorySharePanel } from './category-share-panel.tsx';
import { DistributionPanel } from './distribution-panel.tsx';
import { GapCdfPanel } from './gap-cdf-panel.tsx';
import { GapPdfPanel } from './gap-pdf-panel.tsx';
import { PushSplitTable } from './push-split-table.tsx';
import { SimilarityTable } from './similarity-table.tsx';
import { TrainerComputePanel } from './trainer-compute-panel.tsx';

export interface FiguresGridProps {
  readonly stats: StatsDocument;
}

const hours = (seconds: number) =>
  `${(seconds / 3600).toLocaleString('en-US', { maximumFractionDigits: 0 })} CPU hours`;

/** What Figures 3(a)–(c) measure per pipeline, and the per-class view of each in 3(d)–(f). */
const PIPELINE_MEASURES = [
  { figure: '3a', byClass: '3d', xLabel: 'Lifespan (days)', unit: 'days' },
  { figure: '3b', byClass: '3e', xLabel: 'Models trained per day (log scale)', unit: 'models/day' },
  { figure: '3c', byClass: '3f', xLabel: 'Number of features (log scale)', unit: 'features' },
] as const;

/** The panels; each is memoised on its own slice of the document. */
export const FiguresGrid = memo(function FiguresGrid({ stats }: FiguresGridProps) {
  const { figures: f, tables: t, paper, paperClaims: claims } = stats;
  const claim = (path: string) => claims[path];
  /** What every figure's panel receives for figure `key`: its catalogue entry, node and claim. */
  const figureProps = <K extends keyof typeof FIGURES & keyof typeof f>(key: K) => ({
    entry: FIGURES[key],
    figure: f[key],
    claim: claim(`figures.${key}`),
  });
  return (
    <div className="figures-grid">
      <h2 className="figures-section">§3 Pipeline activity, data and models</h2>
      {PIPELINE_MEASURES.map((m) => (
        <DistributionPanel
          key={m.figure}
          {...figureProps(m.figure)}
          paper={paper}
          xLabel={m.xLabel}
          unit={m.unit}
          noun="pipelines"
        />
      ))}
      {PIPELINE_MEASURES.map((m) => (
        <ByClassPanel key={m.byClass} {...figureProps(m.byClass)} xLabel={m.xLabel} unit={m.unit} />
      ))}
      <AnalyzerPanel {...figureProps('4')} paper={paper} />
      <CategorySharePanel
        {...figureProps('5')}
        values={f['5'].shares}
        categories={MODEL_TYPES}
        field="shares"
        paper={paper}
        xLabel="Share of Trainer runs (%)"
        counts={f['5'].counts}
        note={`${f['5'].trainersWithType.toLocaleString('en-US')} of ${countOf(f['5'].trainers, 'Trainer run')} ${f['5'].trainersWithType === 1 ? 'records' : 'record'} a model type.`}
      />
      <CategorySharePanel
        {...figureProps('6')}
        values={f['6'].shares}
        categories={OPERATOR_GROUPS}
        field="shares"
        paper={paper}
        xLabel="Share of pipelines (%)"
        note={`${countOf(f['6'].pipelines, 'pipeline')}.`}
      />
      <CategorySharePanel
        {...figureProps('7')}
        values={f['7'].shares}
        categories={OPERATOR_GROUPS}
        field="shares"
        paper={paper}
        xLabel="Share of total compute cost (%)"
        note={`${hours(f['7'].cpuSeconds)} in total.`}
      />
      <h2 className="figures-section">§4 Model graphlets</h2>
      <SimilarityTable entry={FIGURES.t1} table={t['1']} paper={paper} claim={claim('tables.1')} />
      <GapPdfPanel {...figureProps('9a')} paper={paper} />
      <GapCdfPanel {...figureProps('9b')} paper={paper} />
      <DistributionPanel
        {...figureProps('9c')}
        paper={paper}
        xLabel="Unpushed graphlets between consecutive pushes (mean per pipeline)"
        unit="graphlets"
        noun="pipelines"
      />
      <TrainerComputePanel {...figureProps('9d')} />
      <DistributionPanel
        {...figureProps('9e')}
        paper={paper}
        xLabel="Graphlet duration (hours, log scale)"
        unit="hours"
        noun="graphlets"
      />
      <CategorySharePanel
        {...figureProps('9f')}
        values={f['9f'].likelihood}
        categories={MODEL_TYPES}
        field="likelihood"
        paper={paper}
        xLabel="Likelihood of a push (share of the type's graphlets)"
        counts={f['9f'].graphlets}
        note="Graphlets per model type in brackets."
      />
      <PushSplitTable entry={FIGURES.t2} table={t['2']} paper={paper} claim={claim('tables.2')} />
    </div>
  );
});
