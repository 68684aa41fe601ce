/** The shell around every page: header, main area, token prompt. */
import { Outlet } from 'react-router';
import { useCorpusEvents } from '../hooks/use-corpus-events.ts';
import { AppHeader } from './app-header.tsx';
import { RouteTitle } from './route-title.tsx';
import { TokenPrompt } from './token-prompt.tsx';

/** Header + routed page + token dialog; follows the corpus event stream. */
export function AppLayout() {
  useCorpusEvents();
  return (
    <>
      <RouteTitle />
      <AppHeader />
      <main className="app-main" id="main">
        <Outlet />
      </main>
      <TokenPrompt />
    </>
  );
}
