/** The seven classifier variants explained in one line each. */
import { WASTE_VARIANTS } from '@graphlet/core';
import { VARIANT_DESCRIPTIONS } from '../../lib/waste/variant-descriptions.ts';

/** A collapsible list: variant name, then what it reads and when it can decide. */
export function VariantGuide() {
  return (
    <details className="card variant-guide" open>
      <summary>What the variants use (Table 3)</summary>
      <dl className="metric-grid">
        {WASTE_VARIANTS.map((v) => (
          <div key={v} style={{ display: 'contents' }}>
            <dt className="mono">{v}</dt>
            <dd>{VARIANT_DESCRIPTIONS[v]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
