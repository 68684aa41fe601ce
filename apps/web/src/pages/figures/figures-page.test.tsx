import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app.tsx';
import { FiguresPage } from './figures-page.tsx';

const hist = {
  scale: 'linear',
  edges: [0, 10, 20],
  counts: [1, 1],
  pdf: [0.5, 0.5],
  cdf: [0.5, 1],
};
const dist = { count: 2, mean: 10, median: 10, p90: 18, max: 19, histogram: hist };
const off = { available: false, reason: 'no Trainer carries a model_type property' };
const split = { ...off, pushed: null, unpushed: null, all: null, count: 0 };
const row = { ...off, bins: null, mean: null, count: 0 };
const types = { DNN: 0, 'DNN+Linear': 0, Linear: 0, Tree: 0, Other: 0 };

/** A stats document where lifespan is available and everything else is not. */
function statsDocument(pipelines: number) {
  return {
    corpus: {
      pipelines,
      pipelinesWithGraphlets: pipelines,
      graphlets: 10,
      pushedGraphlets: 2,
      pushedShare: 0.2,
      executions: 40,
      artifacts: 50,
      periodDays: 20,
    },
    figures: {
      '3a': { available: true, unit: 'days', ...dist },
      '3b': { ...off, unit: 'models per day', ...dist },
      '3c': { ...off, unit: 'features', ...dist },
      '3d': { ...off, unit: 'days', byClass: { DNN: dist, Linear: dist, Rest: dist } },
      '3e': { ...off, unit: 'models per day', byClass: { DNN: dist, Linear: dist, Rest: dist } },
      '3f': { ...off, unit: 'features', byClass: { DNN: dist, Linear: dist, Rest: dist } },
      '4': { ...off, pipelines: 0, pipelineShare: {}, totalUses: {} },
      '5': { ...off, trainers: 10, trainersWithType: 0, counts: types, shares: types },
      '6': { ...off, pipelines: 0, shares: {} },
      '7': {
        ...off,
        cpuSeconds: 0,
        secondsByGroup: {},
        shares: {},
        validationShare: null,
        postToPreRatio: null,
      },
      '9a': {
        ...off,
        unit: 'hours',
        all: dist,
        pushed: dist,
        pushedMeanMinusAllMean: null,
        shareOfAllBelowPushedMedian: null,
      },
      '9b': {
        ...off,
        unit: 'hours',
        all: dist,
        pushed: dist,
        pushedMeanMinusAllMean: null,
        shareOfAllBelowPushedMedian: null,
      },
      '9c': { ...off, unit: 'unpushed graphlets', ...dist },
      '9d': { ...off, unit: 'cpu seconds', pushed: dist, unpushed: dist },
      '9e': { ...off, unit: 'hours', ...dist },
      '9f': { ...off, graphlets: types, likelihood: types },
    },
    tables: {
      '1': { ...off, jaccard: row, dataset: row, datasetPerPipeline: row },
      '2': { ...off, inputSimilarity: split, codeMatch: split },
    },
    paper: {
      'corpus.pushedShare': { label: 'pushed share', value: 0.2, relation: '~', section: '§4.3.2' },
      'figures.3a.mean': {
        label: 'mean lifespan (days)',
        value: 36,
        relation: '=',
        section: '§3.1',
      },
    },
    paperClaims: { 'figures.3a': 'continuous pipelines live the whole corpus period' },
  };
}

const trace = (id: string, pipeline: string) => ({
  id,
  pipeline,
  sourceId: 's',
  sourceName: 'demo.sqlite',
  executions: 1,
  artifacts: 1,
  graphlets: 5,
  pushedShare: null,
  lifespanDays: null,
  modelsPerDay: null,
  computeSeconds: 0,
});

function serve(statsStatus = 200) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url === '/api/traces')
      return Response.json({ traces: [trace('s-1', 'taxi'), trace('s-2', 'ads')] });
    if (url.startsWith('/api/stats')) {
      if (statsStatus !== 200)
        return Response.json(
          { error: { code: 'not_found', message: 'stats: no trace with id "s-2"' } },
          { status: statsStatus },
        );
      return Response.json(statsDocument(url.includes('traces=') ? 1 : 2));
    }
    return new Response('not found', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage(path = '/figures') {
  const router = createMemoryRouter([{ path: '/figures', element: <FiguresPage /> }], {
    initialEntries: [path],
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('FiguresPage', () => {
  it('shows the summary beside the paper, every panel, and why figures are unavailable', async () => {
    serve();
    renderPage();
    const pushed = await screen.findByText('Pushed graphlets');
    expect(pushed.parentElement?.textContent).toContain('paper ~ 20%');
    expect(document.querySelectorAll('section.figure-panel')).toHaveLength(18);
    expect(document.querySelector('#fig-3a')?.getAttribute('data-available')).toBe('true');
    const notes = screen.getAllByRole('note');
    expect(notes.length).toBeGreaterThanOrEqual(14);
    expect(notes[0]?.textContent).toContain('because no Trainer carries a model_type property.');
  });

  it('scopes the statistics to the traces picked, in the URL', async () => {
    const fetchMock = serve();
    const router = renderPage();
    fireEvent.click(await screen.findByRole('checkbox', { name: /taxi/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?traces=s-1'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/stats?traces=s-1'),
    );
    await screen.findByText('1 selected traces', { exact: false });
  });

  it('says when the statistics cannot be computed', async () => {
    serve(404);
    renderPage('/figures?traces=s-2');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not compute the statistics');
  });
});
