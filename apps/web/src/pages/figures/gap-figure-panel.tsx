/** The frame Figures 9(a) and 9(b) share: one gap figure's panel, key numbers and "no gaps". */

import type { GapFigure } from '@graphlet/core';
import { type ReactNode, useMemo } from 'react';
import { hasValues } from '../../lib/figures/histogram-bars.ts';
import { keyNumbers } from '../../lib/figures/paper-reference.ts';
import { FigurePanel, type FigureProps } from './figure-panel.tsx';
import { gapHistograms, NO_GAPS } from './gap-series.ts';

/** Height of both gap charts. */
export const GAP_HEIGHT = 300;

/** The x axis of both gap charts. */
export const GAP_X_LABEL = 'Time between graphlets (hours, log scale)';

export interface GapFigurePanelProps extends FigureProps<GapFigure> {
  readonly note?: string;
  /** The chart, drawn only when there is a gap to plot. */
  readonly children: ReactNode;
}

/** A figure panel for one gap figure, with the paper's numbers under it. */
export function GapFigurePanel({
  entry,
  figure,
  paper,
  claim,
  note,
  children,
}: GapFigurePanelProps) {
  const numbers = useMemo(() => keyNumbers(figure, paper, entry.path), [figure, paper, entry.path]);
  const empty = useMemo(() => !hasValues(gapHistograms(figure)), [figure]);
  return (
    <FigurePanel
      entry={entry}
      figure={figure}
      claim={claim}
      keyNumbers={numbers}
      {...(note === undefined ? {} : { note })}
      height={GAP_HEIGHT}
      empty={empty ? NO_GAPS : undefined}
    >
      {children}
    </FigurePanel>
  );
}
