import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt, stubFetch } from '../../test/render-app.tsx';
import { CorpusPage } from './corpus-page.tsx';

const trace = (id: string, pipeline: string, executions: number) => ({
  id,
  pipeline,
  sourceId: 's1',
  sourceName: 'demo.sqlite',
  executions,
  artifacts: executions * 2,
  graphlets: 1,
  failedGraphlets: 0,
  pushedShare: 0.5,
  lifespanDays: 3,
  modelsPerDay: 0.3,
  computeSeconds: 3600,
});

const routes = {
  '/api/traces': {
    traces: [trace('s1-1', 'taxi', 40), trace('s1-2', 'ads', 300), trace('s1-3', 'search', 7)],
  },
  '/api/sources': {
    sources: [
      {
        id: 's1',
        name: 'demo.sqlite',
        sha256: 'x',
        size: 2048,
        kind: 'mlmd',
        schemaVersion: 7,
        created: '2026-01-01',
        traces: 3,
      },
    ],
  },
};

const pipelines = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CorpusPage', () => {
  it('sorts by a clicked column and keeps the sort in the URL', async () => {
    vi.stubGlobal('fetch', stubFetch(routes));
    const { router } = renderAt(<CorpusPage />, '/');
    await screen.findByRole('table');
    expect(pipelines()).toEqual(['ads', 'search', 'taxi']);

    fireEvent.click(screen.getByRole('button', { name: /Executions/ }));
    await waitFor(() => expect(pipelines()).toEqual(['ads', 'taxi', 'search']));
    expect(router.state.location.search).toBe('?sort=executions&dir=desc');

    fireEvent.click(screen.getByRole('button', { name: /Executions/ }));
    await waitFor(() => expect(pipelines()).toEqual(['search', 'taxi', 'ads']));
  });

  it('reads sort and filter from the URL, ignoring bad values', async () => {
    vi.stubGlobal('fetch', stubFetch(routes));
    renderAt(<CorpusPage />, '/?sort=nonsense&dir=up&q=TA');
    await screen.findByRole('table');
    expect(pipelines()).toEqual(['taxi']);
  });

  it('shows the empty state without traces', async () => {
    vi.stubGlobal(
      'fetch',
      stubFetch({ '/api/traces': { traces: [] }, '/api/sources': { sources: [] } }),
    );
    renderAt(<CorpusPage />, '/');
    expect(await screen.findByText('No traces yet')).toBeTruthy();
  });
});
