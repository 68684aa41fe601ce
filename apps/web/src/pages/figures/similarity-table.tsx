/** Table 1: similarity of consecutive graphlets per quarter range and mean, ours above the paper's. */

import type { StatsDocument } from '@graphlet/contract';
import type { PaperTargets } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { type FigureEntry, QUARTER_LABELS } from '../../lib/figures/figure-catalog.ts';
import { similarityTableRows } from '../../lib/figures/table-rows.ts';
import { PaperComparisonTable } from './paper-comparison-table.tsx';

export interface SimilarityTableProps {
  readonly entry: FigureEntry;
  readonly table: StatsDocument['tables']['1'];
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
}

const COLUMNS = [...QUARTER_LABELS, 'Mean μ', 'Measured'];

/** A real table; a row our corpus cannot compute says why. */
export const SimilarityTable = memo(function SimilarityTable({
  entry,
  table,
  paper,
  claim,
}: SimilarityTableProps) {
  const rows = useMemo(() => similarityTableRows(table, paper), [table, paper]);
  return (
    <PaperComparisonTable
      entry={entry}
      claim={claim}
      height={200}
      caption="Share of consecutive graphlet pairs per similarity range, and the mean similarity"
      columns={COLUMNS}
      rows={rows}
      oursTail={(row) => (
        <>
          <td className="num">
            <strong>{row.oursMean}</strong>
          </td>
          <td className="num">
            {row.count.toLocaleString('en-US')}{' '}
            {row.key === 'datasetPerPipeline' ? 'pipelines' : 'pairs'}
          </td>
        </>
      )}
      paperTail={(row) => (
        <>
          <td className="num">{row.paperMean}</td>
          <td className="num muted">§4.2</td>
        </>
      )}
    />
  );
});
