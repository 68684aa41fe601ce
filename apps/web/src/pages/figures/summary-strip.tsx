/** The strip at the top of the figures page: corpus size and pushed share beside the paper's. */

import type { StatsDocument } from '@graphlet/contract';
import type { PaperTargets } from '@graphlet/core';
import { memo, useMemo } from 'react';
import { Term } from '../../components/term.tsx';
import { summaryItems } from '../../lib/figures/summary-items.ts';

export interface SummaryStripProps {
  readonly corpus: StatsDocument['corpus'];
  readonly paper: PaperTargets;
}

/** Four figures, each with the paper's. */
export const SummaryStrip = memo(function SummaryStrip({ corpus, paper }: SummaryStripProps) {
  const items = useMemo(() => summaryItems(corpus, paper), [corpus, paper]);
  return (
    <dl className="summary-strip" aria-label="Corpus summary">
      {items.map((item) => (
        <div key={item.key} className="summary-item" data-key={item.key}>
          <dt>
            {item.term === undefined ? item.label : <Term term={item.term}>{item.label}</Term>}
          </dt>
          <dd>
            <span className="summary-value">{item.value}</span>
            <span className="muted">{item.detail}</span>
            {item.paper !== '' && <span className="summary-paper">{item.paper}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
});
