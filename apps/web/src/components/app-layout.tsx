/** The shell around every page: header, main area, token prompt. */
import { Outlet } from 'react-router';
import { AppHeader } from './app-header.tsx';
import { RouteTitle } from './route-title.tsx';
import { TokenPrompt } from './token-prompt.tsx';

/** Header + routed page + token dialog. */
export function AppLayout() {
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
