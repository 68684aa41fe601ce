/** Table 1: similarity of consecutive graphlets per quarter range and mean, ours above the paper's. */
import { memo, useMemo } from 'react';
import { type FigureEntry, QUARTER_LABELS } from '../../lib/figures/figure-catalog.ts';
import type { PaperTargets, StatsDocument } from '../../lib/figures/stats-document.ts';
import { similarityTableRows } from '../../lib/figures/table-rows.ts';
import { FigurePanel } from './figure-panel.tsx';

export interface SimilarityTableProps {
  readonly entry: FigureEntry;
  readonly table: StatsDocument['tables']['1'];
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
}

/** A real table; a row our corpus cannot compute says why. */
export const SimilarityTable = memo(function SimilarityTable({
  entry,
  table,
  paper,
  claim,
}: SimilarityTableProps) {
  const rows = useMemo(() => similarityTableRows(table, paper), [table, paper]);
  return (
    <FigurePanel entry={entry} available wide claim={claim} height={200}>
      <div className="table-wrap">
        <table className="data figure-table">
          <caption className="visually-hidden">
            Share of consecutive graphlet pairs per similarity range, and the mean similarity
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Source</th>
              {QUARTER_LABELS.map((q) => (
                <th key={q} scope="col" className="num">
                  {q}
                </th>
              ))}
              <th scope="col" className="num">
                Mean μ
              </th>
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
                      <td key={QUARTER_LABELS[i]} className="num">
                        {cell}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{row.oursMean}</strong>
                    </td>
                    <td className="num">
                      {row.count.toLocaleString('en-US')}{' '}
                      {row.key === 'datasetPerPipeline' ? 'pipelines' : 'pairs'}
                    </td>
                  </>
                ) : (
                  <td colSpan={6} className="unavailable-cell">
                    Not available in this corpus, because {row.reason.replace(/\.$/, '')}.
                  </td>
                )}
              </tr>
              <tr className="paper-row">
                <td>Paper</td>
                {row.paper.map((cell, i) => (
                  <td key={QUARTER_LABELS[i]} className="num">
                    {cell}
                  </td>
                ))}
                <td className="num">{row.paperMean}</td>
                <td className="num muted">§4.2</td>
              </tr>
            </tbody>
          ))}
        </table>
      </div>
    </FigurePanel>
  );
});
