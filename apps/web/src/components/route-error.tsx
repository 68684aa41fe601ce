/** The router's error element: unknown routes and errors thrown while rendering a route. */
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';
import { ErrorMessage } from './error-message.tsx';

/** The not-found page for a 404, else the route's error with a way back to the corpus. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <FailedPage error={error} />;
}

function FailedPage({ error }: { readonly error: unknown }) {
  useDocumentTitle('Error');
  return (
    <div className="stack">
      <ErrorMessage error={error} title="The page failed" />
      <p>
        <Link to="/">Back to the corpus</Link>
      </p>
    </div>
  );
}
