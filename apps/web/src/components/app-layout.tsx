/** The shell around every page: header, main area, token prompt. */
import { Outlet } from 'react-router';
import { AppHeader } from './app-header.tsx';
import { TokenPrompt } from './token-prompt.tsx';

/** Header + routed page + token dialog. */
export function AppLayout() {
  return (
    <>
      <AppHeader />
      <main className="app-main" id="main">
        <Outlet />
      </main>
      <TokenPrompt />
    </>
  );
}
