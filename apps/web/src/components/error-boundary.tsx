/** The global error boundary: a render error shows a message and a reload button instead of a blank page. */
import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './error-message.tsx';

export interface ErrorBoundaryProps {
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
}

/** Catches render errors below it (class component: React has no hook for this). */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <main className="app-main">
        <ErrorMessage
          error={this.state.error}
          title="The page failed"
          onRetry={() => window.location.reload()}
        />
      </main>
    );
  }
}
