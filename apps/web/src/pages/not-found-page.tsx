/** The page for an address the app does not know: what happened and where to go instead. */
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

/** "Page not found" with the address and links to the main pages. */
export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <section className="stack not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page at <code className="mono">{pathname}</code>. The address may be mistyped,
        or it may point to a trace that was deleted with its source.
      </p>
      <ul>
        <li>
          <Link to="/">Corpus</Link>: every imported trace, and uploads
        </li>
        <li>
          <Link to="/figures">Figures</Link>: the paper's figures computed on your corpus
        </li>
        <li>
          <Link to="/waste">Waste</Link>: which training runs could be skipped
        </li>
      </ul>
    </section>
  );
}
