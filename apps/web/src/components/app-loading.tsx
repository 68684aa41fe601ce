/** The header and a page-sized skeleton, shown while the first page's code loads. */
import { Skeleton } from './skeleton.tsx';

/** A static header and skeleton (rendered outside the router's layout). */
export function AppLoading() {
  return (
    <>
      <header className="app-header">
        <span className="brand">Graphlet Explorer</span>
      </header>
      <main className="app-main">
        <Skeleton height={480} label="Loading the page" />
      </main>
    </>
  );
}
