/** The routes: Corpus, Trace, Graphlet, Figures and Waste. */
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/app-layout.tsx';
import { AppLoading } from './components/app-loading.tsx';
import { RouteError } from './components/route-error.tsx';
import { CorpusPage } from './pages/corpus/corpus-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';

/** Creates the browser router (pages with Cytoscape or elkjs load on demand). */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      // Shown while a lazily loaded page arrives on the first visit (no flash of nothing).
      hydrateFallbackElement: <AppLoading />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <CorpusPage />, handle: { title: 'Corpus' } },
            {
              path: 'traces/:traceId',
              lazy: async () => ({
                Component: (await import('./pages/trace/trace-page.tsx')).TracePage,
              }),
            },
            {
              path: 'traces/:traceId/graphlets/:trainer',
              lazy: async () => ({
                Component: (await import('./pages/graphlet/graphlet-page.tsx')).GraphletPage,
              }),
            },
            {
              path: 'compare',
              lazy: async () => ({
                Component: (await import('./pages/graphlet/compare-page.tsx')).ComparePage,
              }),
            },
            {
              path: 'figures',
              handle: { title: 'Figures' },
              lazy: async () => ({
                Component: (await import('./pages/figures/figures-page.tsx')).FiguresPage,
              }),
            },
            {
              path: 'waste',
              handle: { title: 'Waste' },
              lazy: async () => ({
                Component: (await import('./pages/waste/waste-page.tsx')).WastePage,
              }),
            },
            {
              path: 'glossary',
              handle: { title: 'Glossary' },
              lazy: async () => ({
                Component: (await import('./pages/glossary-page.tsx')).GlossaryPage,
              }),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
