/** Table 2: input similarity and code match with the previous graphlet, pushed vs unpushed. */
import { memo, useMemo } from 'react';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import type { PaperTargets, StatsDocument } from '../../lib/figures/stats-document.ts';
import { pushSplitTableRows } from '../../lib/figures/table-rows.ts';
import { FigurePanel } from './figure-panel.tsx';

export interface PushSplitTableProps {
  readonly entry: FigureEntry;
  readonly table: StatsDocument['tables']['2'];
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
}

const HEADS = ['μ pushed', 'μ unpushed', 'μ all'] as const;

/** A real table; a row our corpus cannot compute says why. */
export const PushSplitTable = memo(function PushSplitTable({
  entry,
  table,
  paper,
  claim,
}: PushSplitTableProps) {
  const rows = useMemo(() => pushSplitTableRows(table, paper), [table, paper]);
  return (
    <FigurePanel entry={entry} available wide claim={claim} height={150}>
      <div className="table-wrap">
        <table className="data figure-table">
          <caption className="visually-hidden">
            Mean input data similarity and code match with the preceding graphlet
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Source</th>
              {HEADS.map((h) => (
                <th key={h} scope="col" className="num">
                  {h}
                </th>
              ))}
              <th scope="col" className="num">
                Measured
              </th>
            </tr>
          </thead>
          {rows.map((row) => (
            <tbody key={row.key} data-row={row.key} data-available={row.available}>
              <tr>
                <th scope="rowgroup" rowSpan={2}>
                  {row.label}
                </th>
                <td>This corpus</td>
                {row.available ? (
                  <>
                    {row.ours.map((cell, i) => (
                      <td key={HEADS[i]} className="num">
                        {cell}
                      </td>
                    ))}
                    <td className="num">{row.count.toLocaleString('en-US')} pairs</td>
                  </>
                ) : (
                  <td colSpan={4} className="unavailable-cell">
                    Not available in this corpus, because {row.reason.replace(/\.$/, '')}.
                  </td>
                )}
              </tr>
              <tr className="paper-row">
                <td>Paper</td>
                {row.paper.map((cell, i) => (
                  <td key={HEADS[i]} className="num">
                    {cell}
                  </td>
                ))}
                <td className="num muted">§4.3.2</td>
              </tr>
            </tbody>
          ))}
        </table>
      </div>
    </FigurePanel>
  );
});
