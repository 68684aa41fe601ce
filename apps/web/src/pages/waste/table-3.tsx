/** Table 3 for the corpus: balanced accuracy and feature cost per variant, beside the paper's. */

import type { WasteVariant } from '@graphlet/core';
import { Term } from '../../components/term.tsx';
import type { Table3Row } from '../../lib/waste/table-3-rows.ts';

export interface Table3Props {
  readonly rows: readonly Table3Row[];
  readonly selected: WasteVariant;
  /** The selected model; rows from its companions name theirs. */
  readonly modelId: string;
  readonly onSelect: (variant: WasteVariant) => void;
}

/** The table; a variant's name selects it. */
export function Table3({ rows, selected, modelId, onSelect }: Table3Props) {
  return (
    <div className="table-wrap">
      <table className="data waste-table">
        <caption>
          Table 3: balanced accuracy on the test pipelines and feature cost (share of a graphlet's
          compute spent before its features are known), ours beside the paper's.
        </caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col" className="num">
              <Term term="balanced accuracy">Balanced accuracy</Term>
            </th>
            <th scope="col" className="num">
              Paper
            </th>
            <th scope="col" className="num">
              <Term term="feature cost">Feature cost</Term>
            </th>
            <th scope="col" className="num">
              Paper
            </th>
            <th scope="col" className="num">
              <Term term="waste">Waste</Term> removed at 99% <Term term="freshness" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.variant}
              data-variant={row.variant}
              aria-current={row.variant === selected ? 'true' : undefined}
              className={row.variant === selected ? 'selected' : undefined}
            >
              <th scope="row">
                {row.ours === null ? (
                  <span className="muted">{row.variant} (not trained)</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={row.variant === selected}
                    onClick={() => onSelect(row.variant)}
                  >
                    {row.variant}
                  </button>
                )}
                {row.ours !== null && row.ours.model !== modelId && (
                  <span className="muted"> ({row.ours.model})</span>
                )}
              </th>
              <td className="num">{row.ours?.balancedAccuracy ?? '—'}</td>
              <td className="num muted">{row.paper.balancedAccuracy}</td>
              <td className="num">{row.ours?.featureCost ?? '—'}</td>
              <td className="num muted">{row.paper.featureCost}</td>
              <td className="num">{row.ours?.wasteRemoved99 ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
