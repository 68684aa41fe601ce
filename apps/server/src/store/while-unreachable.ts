/**
 * Runs a store operation again while its database cannot be reached (PostgreSQL restarting or
 * briefly stopped), for up to a minute with growing pauses; any other error fails at once. Only
 * for idempotent operations: a write whose commit was acknowledged to nobody runs a second time.
 */
import pRetry from 'p-retry';

/** How long an operation keeps trying while the database is away. */
const AWAY_MS = 60_000;

/** PostgreSQL's SQLSTATEs of a connection lost or refused: class 08, and 57P01–57P03 (shutdown). */
const AWAY_STATES = /^(08...|57P0[123])$/;
const AWAY_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/** True when `error` says the database is unreachable rather than that the operation is wrong. */
function isUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (AWAY_STATES.test(code) || AWAY_ERRNOS.has(code))) return true;
  return typeof message === 'string' && /^Connection terminated/.test(message);
}

/** Runs `operation`, again while the database is unreachable (see the module comment). */
export function whileUnreachable<T>(operation: () => Promise<T>): Promise<T> {
  return pRetry(operation, {
    retries: 1_000,
    minTimeout: 250,
    maxTimeout: 2_000,
    maxRetryTime: AWAY_MS,
    shouldRetry: ({ error }) => isUnreachable(error),
  });
}
