/**
 * A size limit on request bodies other than uploads (Hono's bodyLimit): JSON bodies are read
 * whole, so past MAX_JSON_BYTES the request is refused with 413 before it is buffered.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './api-error.ts';

/** Middleware limiting every request body but the multipart upload at POST /api/sources. */
export function jsonBodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw apiError(
        413,
        'payload_too_large',
        `server: the request body is larger than the limit of ${maxBytes} bytes (MAX_JSON_BYTES)`,
        { maxJsonBytes: maxBytes },
      );
    },
  });
  return (c, next) =>
    c.req.method === 'POST' && c.req.path === '/api/sources' ? next() : limit(c, next);
}
