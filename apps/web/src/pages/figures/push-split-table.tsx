/** Table 2: input similarity and code match with the previous graphlet, pushed vs unpushed. */

import type { StatsDocument } from '@graphlet/contract';
import type { PaperTargets } from '@graphlet/core';
import { memo, useMemo } from 'react';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import { pushSplitTableRows } from '../../lib/figures/table-rows.ts';
import { countOf } from '../../lib/plural.ts';
import { PaperComparisonTable } from './paper-comparison-table.tsx';

export interface PushSplitTableProps {
  readonly entry: FigureEntry;
  readonly table: StatsDocument['tables']['2'];
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
}

const COLUMNS = ['μ pushed', 'μ unpushed', 'μ all', 'Measured'] as const;

/** A real table; a row our corpus cannot compute says why. */
export const PushSplitTable = memo(function PushSplitTable({
  entry,
  table,
  paper,
  claim,
}: PushSplitTableProps) {
  const rows = useMemo(() => pushSplitTableRows(table, paper), [table, paper]);
  return (
    <PaperComparisonTable
      entry={entry}
      claim={claim}
      height={150}
      caption="Mean input data similarity and code match with the preceding graphlet"
      columns={COLUMNS}
      rows={rows}
      oursTail={(row) => <td className="num">{countOf(row.count, 'pair')}</td>}
      paperTail={() => <td className="num muted">§4.3.2</td>}
    />
  );
});
