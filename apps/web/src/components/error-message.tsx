/** An error box with the message a person can act on, and a retry button when retrying may help. */
import { errorMessage } from '../api/api-error.ts';

export interface ErrorMessageProps {
  readonly error: unknown;
  readonly title?: string;
  readonly onRetry?: () => void;
}

/** Shows an error (role=alert) with an optional retry. */
export function ErrorMessage({
  error,
  title = 'Something went wrong',
  onRetry,
}: ErrorMessageProps) {
  return (
    <div className="error-box" role="alert">
      <strong>{title}.</strong> {errorMessage(error)}{' '}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
