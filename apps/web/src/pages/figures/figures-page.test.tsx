import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../app.tsx';
import { statsAnswer } from '../../test/fixtures.ts';
import { FiguresPage } from './figures-page.tsx';

const trace = (id: string, pipeline: string) => ({
  id,
  pipeline,
  sourceId: 's',
  sourceName: 'demo.sqlite',
  executions: 1,
  artifacts: 1,
  graphlets: 5,
  failedGraphlets: 0,
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
      return Response.json(statsAnswer(url.includes('traces=') ? 1 : 2));
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
    expect(pushed.closest('.summary-item')?.textContent).toContain('paper ~ 20%');
    expect(document.querySelectorAll('section.figure-panel')).toHaveLength(18);
    const { figures } = statsAnswer(2);
    for (const [key, figure] of Object.entries(figures)) {
      const panel = document.querySelector(`#fig-${key}`);
      expect(panel?.getAttribute('data-available'), key).toBe(String(figure.available));
    }
    expect(figures['3a'].available).toBe(true);
    // Each unavailable figure says why in place of its chart.
    const notes = screen.getAllByRole('note');
    expect(notes).toHaveLength(Object.values(figures).filter((f) => !f.available).length);
    expect(notes[0]?.textContent).toContain(
      'because no data span carries a feature_statistics property',
    );
  });

  it('scopes the statistics to the traces picked, in the URL', async () => {
    const fetchMock = serve();
    const router = renderPage();
    fireEvent.click(await screen.findByRole('checkbox', { name: /taxi/ }));
    await waitFor(() => expect(router.state.location.search).toBe('?traces=s-1'));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/stats?traces=s-1'),
    );
    await screen.findByText(/for 1 selected trace$/);
  });

  it('says when the statistics cannot be computed', async () => {
    serve(404);
    renderPage('/figures?traces=s-2');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not compute the statistics');
  });
});
