/** The one error path: handlers throw `apiError(...)`, `handleError` turns it into the error shape. */
import type { ErrorBody, ErrorCode } from '@graphlet/contract';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { QueueFullError } from '../jobs/job-queue.ts';
import { packageErrorAnswer } from './package-errors.ts';
import { isStorageFull, storageFullMessage } from './storage-full.ts';

interface ErrorCause {
  readonly code: ErrorCode;
  readonly details?: unknown;
  /** Extra response headers (Retry-After on 429). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An HTTPException carrying an error code and optional details for the response body. */
export function apiError(
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: unknown,
  headers?: Readonly<Record<string, string>>,
): HTTPException {
  const cause: ErrorCause = {
    code,
    ...(details === undefined ? {} : { details }),
    ...(headers === undefined ? {} : { headers }),
  };
  return new HTTPException(status, { message, cause });
}

const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_file',
  429: 'queue_full',
  507: 'insufficient_storage',
};

/**
 * The app's onError: one JSON error shape, no stack traces; a full disk answers 507 naming
 * `dataDir`; unexpected errors are logged.
 */
export function handleError(err: Error, c: Context, dataDir?: string): Response {
  if (dataDir !== undefined && isStorageFull(err)) {
    const message = storageFullMessage('server', dataDir, 'nothing was changed');
    return handleError(apiError(507, 'insufficient_storage', message), c);
  }
  const typed = packageErrorAnswer(err);
  if (typed !== undefined) {
    const body: ErrorBody = {
      error: { code: typed.code, message: `${typed.module}: ${typed.problem}` },
    };
    return c.json(body, typed.status);
  }
  if (err instanceof QueueFullError) {
    c.header('Retry-After', String(err.retryAfterSeconds));
    const body: ErrorBody = { error: { code: 'queue_full', message: err.message } };
    return c.json(body, 429);
  }
  if (err instanceof HTTPException) {
    // Middleware that builds its own answer (bearer-auth, in the error shape) keeps it.
    if (err.res !== undefined) return err.getResponse();
    const cause = err.cause as Partial<ErrorCause> | undefined;
    const code = cause?.code ?? CODE_BY_STATUS[err.status] ?? 'internal';
    const body: ErrorBody = { error: { code, message: err.message || code } };
    if (cause?.details !== undefined) body.error.details = cause.details;
    if (err.status === 401) c.header('WWW-Authenticate', 'Bearer');
    for (const [name, value] of Object.entries(cause?.headers ?? {})) c.header(name, value);
    return c.json(body, err.status);
  }
  console.error('server: unexpected error', err);
  const body: ErrorBody = {
    error: { code: 'internal', message: 'server: internal error; see the server log' },
  };
  return c.json(body, 500);
}

/** The app's notFound: unknown API paths answer the error shape too. */
export function handleNotFound(c: Context): Response {
  const body: ErrorBody = {
    error: { code: 'not_found', message: `server: no route ${c.req.method} ${c.req.path}` },
  };
  return c.json(body, 404);
}
