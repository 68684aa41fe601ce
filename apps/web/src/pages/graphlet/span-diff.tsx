/** The input-span section of a comparison: spans only B read (added), only A read (dropped), kept. */

import { Term } from '../../components/term.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { GraphletDiff } from '../../lib/graphlet/graphlet-diff.ts';
import { SpanIds } from './span-ids.tsx';

/** Added, dropped and kept spans of B against A, and their Jaccard similarity. */
export function SpanDiff({ diff }: { readonly diff: GraphletDiff }) {
  return (
    <section className="card compare-section" data-testid="span-diff">
      <h2>
        Input <Term term="span">spans</Term> (B against A)
      </h2>
      <dl className="metric-grid">
        <dt>Only in B ({diff.spansAdded.length})</dt>
        <dd>
          <SpanIds ids={diff.spansAdded} sign="+" />
        </dd>
        <dt>Only in A ({diff.spansDropped.length})</dt>
        <dd>
          <SpanIds ids={diff.spansDropped} sign="−" />
        </dd>
        <dt>In both</dt>
        <dd>{formatNumber(diff.spansKept)}</dd>
        <dt>Jaccard similarity</dt>
        <dd>{diff.jaccard === undefined ? '–' : formatNumber(diff.jaccard, 3)}</dd>
      </dl>
    </section>
  );
}
