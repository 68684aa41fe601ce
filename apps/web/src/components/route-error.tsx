/** The router's error element: unknown routes and errors thrown while rendering a route. */
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorMessage } from './error-message.tsx';

/** Shows a 404 or the route's error, with a way back to the corpus. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div className="stack">
      {notFound ? (
        <div className="error-box" role="alert">
          <strong>No such page.</strong> Check the address.
        </div>
      ) : (
        <ErrorMessage error={error} title="The page failed" />
      )}
      <p>
        <Link to="/">Back to the corpus</Link>
      </p>
    </div>
  );
}
