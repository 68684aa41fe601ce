/** The error box of a failed TanStack query, whose Retry button refetches the query. */
import { ErrorMessage } from './error-message.tsx';

export interface QueryErrorMessageProps {
  /** The failed query (any `useQuery` result). */
  readonly query: { readonly error: unknown; readonly refetch: () => Promise<unknown> };
  readonly title: string;
}

/** `ErrorMessage` for `query.error`; Retry refetches the query. */
export function QueryErrorMessage({ query, title }: QueryErrorMessageProps) {
  return <ErrorMessage error={query.error} title={title} onRetry={() => void query.refetch()} />;
}
