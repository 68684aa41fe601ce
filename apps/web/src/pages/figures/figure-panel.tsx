/** The frame of one figure or table: anchored title, the paper's claim, ours vs the paper, the chart. */

import type { Availability, PaperTargets } from '@graphlet/core';
import { memo, type ReactNode, useRef } from 'react';
import { UnavailableFigure } from '../../components/charts/unavailable-figure.tsx';
import type { FigureEntry } from '../../lib/figures/figure-catalog.ts';
import type { KeyNumber } from '../../lib/figures/paper-reference.ts';
import { KeyNumbersTable } from './key-numbers-table.tsx';
import { useNearViewport } from './use-near-viewport.ts';

/** What a panel of one figure receives: its catalogue entry, its node in the document, the paper. */
export interface FigureProps<F> {
  readonly entry: FigureEntry;
  readonly figure: F;
  readonly paper: PaperTargets;
  readonly claim: string | undefined;
}

export interface FigurePanelProps {
  readonly entry: FigureEntry;
  /** The figure's node in the document: whether it could be computed, and if not, why. */
  readonly figure: Availability;
  /** What the paper says in words about this figure. */
  readonly claim?: string | undefined;
  readonly keyNumbers?: readonly KeyNumber[];
  /** Extra note under the title (e.g. how many pipelines were measured). */
  readonly note?: string;
  /** Space reserved for the chart (the unavailable panel keeps it too). */
  readonly height: number;
  /** Spans the whole grid row (tables). */
  readonly wide?: boolean;
  /** Shown in place of the chart when the figure is available but has nothing to plot. */
  readonly empty?: string | undefined;
  readonly children: ReactNode;
}

/** A card with an anchor (`#fig-3a`) so a panel can be linked. */
export const FigurePanel = memo(function FigurePanel({
  entry,
  figure: { available, reason },
  claim,
  keyNumbers = [],
  note,
  height,
  wide = false,
  empty,
  children,
}: FigurePanelProps) {
  const headingId = `${entry.anchor}-title`;
  const ref = useRef<HTMLElement>(null);
  const near = useNearViewport(ref);
  return (
    <section
      ref={ref}
      id={entry.anchor}
      className={wide ? 'card figure-panel wide' : 'card figure-panel'}
      aria-labelledby={headingId}
      data-figure={entry.path}
      data-available={available}
      data-rendered={near}
      tabIndex={-1}
    >
      <h2 id={headingId}>
        {entry.title}{' '}
        <a href={`#${entry.anchor}`} className="anchor-link" aria-label={`Link to ${entry.short}`}>
          #
        </a>
      </h2>
      {claim !== undefined && <p className="figure-claim">Paper: “{claim}”</p>}
      {note !== undefined && available && <p className="muted figure-note">{note}</p>}
      {available ? (
        <div style={{ minHeight: height }}>
          {!near ? null : empty === undefined ? children : <p className="empty">{empty}</p>}
        </div>
      ) : (
        <UnavailableFigure reason={reason} height={Math.min(height, 140)} />
      )}
      {keyNumbers.length > 0 && <KeyNumbersTable rows={keyNumbers} />}
    </section>
  );
});
