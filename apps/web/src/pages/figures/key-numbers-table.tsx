/** The paper's stated numbers for a figure with ours beside them. */
import type { KeyNumber } from '../../lib/figures/paper-reference.ts';

export interface KeyNumbersTableProps {
  readonly rows: readonly KeyNumber[];
}

/** A compact table: quantity, paper, this corpus. */
export function KeyNumbersTable({ rows }: KeyNumbersTableProps) {
  return (
    <table className="data key-numbers">
      <thead>
        <tr>
          <th scope="col">Stated in the paper</th>
          <th scope="col" className="num">
            Paper
          </th>
          <th scope="col" className="num">
            This corpus
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path} data-path={row.path}>
            <td>
              {row.label} <span className="muted">({row.section})</span>
            </td>
            <td className="num paper-value">{row.paper}</td>
            <td className="num">{row.ours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
