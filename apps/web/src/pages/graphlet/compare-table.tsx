/** One section of a graphlet comparison: a row per key with A's and B's values and whether they differ. */
import type { CompareRow } from '../../lib/graphlet/compare-graphlets.ts';

export interface CompareTableProps {
  readonly title: string;
  readonly rows: readonly CompareRow[];
  readonly empty: string;
}

const STATUS_TEXT: Readonly<Record<CompareRow['status'], string>> = {
  same: 'same',
  changed: 'changed',
  'only-a': 'only in A',
  'only-b': 'only in B',
};

/** A card with a table; differing rows are marked in words and by their row style. */
export function CompareTable({ title, rows, empty }: CompareTableProps) {
  return (
    <section className="card compare-section">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <table className="compare-table">
          <colgroup>
            <col className="compare-key-col" />
            <col />
            <col />
            <col className="compare-diff-col" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">Diff</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-status={r.status}>
                <th scope="row" className="mono">
                  {r.key}
                </th>
                <td className="compare-value">{r.a ?? '–'}</td>
                <td className="compare-value">{r.b ?? '–'}</td>
                <td>
                  {r.status === 'same' ? (
                    <span className="muted">same</span>
                  ) : (
                    <strong>{STATUS_TEXT[r.status]}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
