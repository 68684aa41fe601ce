import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt, stubFetch } from '../../test/render-app.tsx';
import { WastePage } from './waste-page.tsx';

const summary = {
  id: 'wm-1',
  jobId: '1',
  created: '2026-11-27T03:00:00.000Z',
  variants: ['RF:Input', 'RF:Input+Pre', 'RF:Input+Pre+Trainer', 'RF:Validation'],
  scope: {
    traces: null,
    pipelines: 3,
    graphlets: 30,
    trainGraphlets: 25,
    testGraphlets: 5,
    excludedGraphlets: 0,
  },
  trees: 10,
  seed: 0,
};
const confusion = { truePositives: 1, falsePositives: 0, trueNegatives: 2, falseNegatives: 2 };
const row = (variant: string, balancedAccuracy: number) => ({
  variant,
  balancedAccuracy,
  featureCost: 0.5,
  confusion,
  paper: { balancedAccuracy: 0.8, featureCost: 0.5 },
  wasteRemovedAtFreshness99: 0.25,
  wasteRemovedAtFreshness100: 0.25,
  topFeatures: [],
  features: [],
});
const curve = [
  { threshold: 1.0000000000000002, freshness: 0, waste: 0 },
  { threshold: 1, freshness: 0.25, waste: 0 },
  { threshold: 0.9, freshness: 0.5, waste: 0 },
  { threshold: 0.6, freshness: 1, waste: 0 },
  { threshold: 0.4, freshness: 1, waste: 2 / 3 },
  { threshold: 0.2, freshness: 1, waste: 1 },
];
const model = {
  ...summary,
  rows: summary.variants.map((v, i) => row(v, 0.7 + i / 100)),
  curves: Object.fromEntries(summary.variants.map((v) => [v, curve])),
};
const graphlet = (trainer: number, probability: number, pushed: boolean, hours: number) => ({
  traceId: 't-1',
  pipeline: 'taxi',
  trainer,
  pushed,
  probability,
  cost: hours * 3600,
});
/** At threshold 1: four graphlets below 1 are listed; one pushed graphlet at 1 always runs. */
const pointAtOne = {
  model: 'wm-1',
  variant: 'RF:Input',
  threshold: 1,
  freshness: 0.25,
  waste: 0,
  computeSavedCpuHours: 5,
  computeSavedShare: 5 / 6,
  pushedLost: 2,
  confusion,
  testGraphlets: 5,
  skipped: [
    graphlet(1, 0.9, true, 1),
    graphlet(2, 0.6, true, 1),
    graphlet(3, 0.4, false, 2),
    graphlet(4, 0.2, false, 1),
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('WastePage', () => {
  it('invites training when there is no model', async () => {
    vi.stubGlobal('fetch', stubFetch({ '/api/waste/models': { models: [] } }));
    renderAt(<WastePage />, '/waste');
    expect(await screen.findByRole('heading', { name: 'No model yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train on corpus' })).toBeTruthy();
  });

  it('shows Table 3 and the operating point of the threshold in the URL', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch({
        '/api/waste/models': { models: [summary] },
        '/api/waste/models/wm-1': model,
        '/api/waste/models/wm-1/operating-point': pointAtOne,
      }),
    );
    renderAt(<WastePage />, '/waste?variant=RF%3AInput&t=0.5');
    const table = await screen.findByRole('table', { name: /Table 3/ });
    expect(within(table).getAllByRole('row')).toHaveLength(8);
    expect(within(table).getByText('RF:History (not trained)')).toBeTruthy();
    expect(screen.getByText(/Figure 10\(b\) is not available/)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toMatch(/Only 5 test graphlets/);
    // Threshold 0.5 skips graphlets 3 and 4 (both unpushed): nothing stale, 3 of 6 CPU h saved.
    await waitFor(() => expect(screen.getByTestId('op-freshness').textContent).toBe('100.0%'));
    expect(screen.getByTestId('op-waste').textContent).toBe('0.0%');
    expect(screen.getByTestId('op-saved').textContent).toBe('3.0 CPU h (50.0%)');
    expect(screen.getByTestId('op-lost').textContent).toBe('0 of 3');
    expect(screen.getByTestId('op-skipped').textContent).toBe('2 of 5 test graphlets');
  });

  it('says so when the models cannot be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      (async () =>
        new Response(JSON.stringify({ error: { code: 'internal', message: 'boom' } }), {
          status: 500,
        })) as typeof fetch,
    );
    renderAt(<WastePage />, '/waste');
    expect(await screen.findByText(/Could not load the trained models/)).toBeTruthy();
  });
});
