/** The frame of Tables 1 and 2: per metric our row above the paper's; a metric we lack says why. */
import type { ReactNode } from 'react';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import { FigurePanel } from './figure-panel.tsx';

/** One metric: formatted cells, ours and the paper's, one per leading column. */
export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly available: boolean;
  readonly reason: string;
  readonly ours: readonly string[];
  readonly paper: readonly string[];
}

export interface PaperComparisonTableProps<R extends ComparisonRow> {
  readonly entry: FigureEntry;
  readonly claim: string | undefined;
  readonly height: number;
  /** Read by screen readers only. */
  readonly caption: string;
  /** Heads of the numeric columns; the first ones head the `ours`/`paper` cells. */
  readonly columns: readonly string[];
  readonly rows: readonly R[];
  /** The cells after `ours` in our row. */
  readonly oursTail: (row: R) => ReactNode;
  /** The cells after `paper` in the paper's row. */
  readonly paperTail: (row: R) => ReactNode;
}

/** The table itself is always shown; each metric row says whether it is available. */
const ALWAYS = { available: true } as const;

/** A real table inside a wide figure panel. */
export function PaperComparisonTable<R extends ComparisonRow>({
  entry,
  claim,
  height,
  caption,
  columns,
  rows,
  oursTail,
  paperTail,
}: PaperComparisonTableProps<R>) {
  return (
    <FigurePanel entry={entry} figure={ALWAYS} wide claim={claim} height={height}>
      <div className="table-wrap">
        <table className="data figure-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Source</th>
              {columns.map((h) => (
                <th key={h} scope="col" className="num">
                  {h}
                </th>
              ))}
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
                      <td key={columns[i]} className="num">
                        {cell}
                      </td>
                    ))}
                    {oursTail(row)}
                  </>
                ) : (
                  <td colSpan={columns.length} className="unavailable-cell">
                    Not available in this corpus, because {row.reason.replace(/\.$/, '')}.
                  </td>
                )}
              </tr>
              <tr className="paper-row">
                <td>Paper</td>
                {row.paper.map((cell, i) => (
                  <td key={columns[i]} className="num">
                    {cell}
                  </td>
                ))}
                {paperTail(row)}
              </tr>
            </tbody>
          ))}
        </table>
      </div>
    </FigurePanel>
  );
}
