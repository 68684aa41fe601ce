/** Bearer-token access control for the API; /api/health stays open. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.ts';

/** Middleware requiring `Authorization: Bearer <token>` (compared in constant time). */
export function requireBearerToken(token: string, openPaths: readonly string[]): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    if (openPaths.includes(c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match === null) {
      throw apiError(
        401,
        'unauthorized',
        'auth: this server needs "Authorization: Bearer <API_TOKEN>"',
      );
    }
    if (!timingSafeEqual(digest(match[1] ?? ''), expected)) {
      throw apiError(401, 'unauthorized', 'auth: the bearer token does not match API_TOKEN');
    }
    return next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
