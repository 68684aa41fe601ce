import type { DistributionFigure } from '@graphlet/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FIGURES } from '../../lib/figures/figure-catalog.ts';
import { DistributionPanel } from '../../pages/figures/distribution-panel.tsx';
import { UnavailableFigure } from './unavailable-figure.tsx';

afterEach(cleanup);

const empty = { scale: 'linear' as const, edges: [0, 10], counts: [0], pdf: [0], cdf: [0] };

describe('UnavailableFigure', () => {
  it('says the figure is not available and why', () => {
    render(<UnavailableFigure reason="no Trainer carries a model_type property." />);
    const note = screen.getByRole('note');
    expect(note.textContent).toBe(
      'Not available in this corpusbecause no Trainer carries a model_type property.',
    );
  });

  it('falls back to a generic reason', () => {
    render(<UnavailableFigure reason={undefined} />);
    expect(screen.getByRole('note').textContent).toContain(
      'because the metadata it needs is missing.',
    );
  });

  it("replaces a figure's chart, keeping its title and the paper's numbers", () => {
    const figure: DistributionFigure = {
      available: false,
      reason: 'no trace records node timestamps',
      unit: 'days',
      count: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
      histogram: empty,
    };
    render(
      <DistributionPanel
        entry={FIGURES['3a']}
        figure={figure}
        paper={{
          'figures.3a.mean': {
            label: 'mean lifespan (days)',
            value: 36,
            relation: '=',
            section: '§3.1',
          },
        }}
        claim="continuous pipelines live the whole corpus period"
        xLabel="Lifespan (days)"
        unit="days"
        noun="pipelines"
      />,
    );
    const panel = screen.getByRole('region', { name: /Figure 3\(a\): Pipeline lifespan/ });
    expect(panel.getAttribute('data-available')).toBe('false');
    expect(screen.getByRole('note').textContent).toContain(
      'because no trace records node timestamps.',
    );
    expect(screen.getByText('mean lifespan (days)')).toBeTruthy();
    expect(screen.getByText('36')).toBeTruthy();
    expect(panel.querySelector('.recharts-wrapper')).toBeNull();
  });
});
