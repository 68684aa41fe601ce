import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '../../test/fake-event-source.ts';
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

describe('Train on corpus', () => {
  /** Answers the models list, and each training request with the next job, queued. */
  function serveTraining() {
    const requests: unknown[] = [];
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url === '/api/waste/train') {
        requests.push(JSON.parse(String(init?.body)));
        const id = `j${requests.length}`;
        return Response.json(
          { job: { id, kind: 'waste-train', state: 'queued', progress: {} } },
          { status: 202 },
        );
      }
      return Response.json({ models: [] });
    });
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('EventSource', FakeEventSource);
    FakeEventSource.last = undefined;
    return requests;
  }

  /** The event stream of job `id`, once the page follows it. */
  const streamOf = async (id: string) => {
    await waitFor(() => expect(FakeEventSource.last?.url).toBe(`/api/jobs/${id}/events`));
    return FakeEventSource.last!;
  };
  const trainingJob = (id: string, state: string, progress = {}, result?: unknown) => ({
    id,
    kind: 'waste-train',
    state,
    progress,
    ...(result === undefined ? {} : { result }),
  });

  it('runs the plan job after job, following each one, and selects the main model', async () => {
    const requests = serveTraining();
    const { router } = renderAt(<WastePage />, '/waste');
    fireEvent.click(await screen.findByRole('button', { name: 'Train on corpus' }));
    const first = await streamOf('j1');
    act(() =>
      first.emit(
        'job',
        trainingJob('j1', 'running', {
          stage: 'training',
          variantIndex: 2,
          variantCount: 4,
          variant: 'RF:Input+Pre',
          treesDone: 40,
          treesTotal: 100,
        }),
      ),
    );
    expect((await screen.findByText(/Variant 2 of 7/)).textContent).toBe(
      'Variant 2 of 7 (RF:Input+Pre) · trees 40 of 100',
    );
    expect(screen.getByRole('button', { name: 'Train on corpus' })).toHaveProperty(
      'disabled',
      true,
    );
    act(() => first.emit('job', trainingJob('j1', 'done', {}, { model: { id: 'wm-9' } })));
    for (const id of ['j2', 'j3', 'j4']) {
      const events = await streamOf(id);
      act(() => events.emit('job', trainingJob(id, 'done', {}, { model: { id: `wm-${id}` } })));
    }
    await screen.findByText('Trained all seven variants (wm-9).');
    expect(requests).toEqual([
      { trees: 100, seed: 0 },
      { variant: 'RF:History', trees: 100, seed: 0 },
      { variant: 'RF:Shape', trees: 100, seed: 0 },
      { variant: 'RF:Model-Type', trees: 100, seed: 0 },
    ]);
    expect(router.state.location.search).toBe('?model=wm-9');
  });

  it('stops at a failed job and says why', async () => {
    const requests = serveTraining();
    renderAt(<WastePage />, '/waste');
    fireEvent.click(await screen.findByRole('button', { name: 'Train on corpus' }));
    const first = await streamOf('j1');
    act(() =>
      first.emit('job', {
        ...trainingJob('j1', 'failed'),
        error: { code: 'invalid_file', message: 'waste: only one class in the corpus' },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Training failed: waste: only one class in the corpus',
    );
    expect(requests).toHaveLength(1);
  });
});
