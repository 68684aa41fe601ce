/** Bearer-token access control for the API on Hono's bearer-auth; /api/health stays open. */
import type { ErrorBody } from '@graphlet/contract';
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';

/**
 * Middleware requiring `Authorization: Bearer <token>` (bearer-auth compares sha256 digests in
 * constant time); every refusal is a 401 in the API's error shape with `WWW-Authenticate: Bearer`.
 */
export function requireBearerToken(token: string, openPaths: readonly string[]): MiddlewareHandler {
  const missing = unauthorized('auth: this server needs "Authorization: Bearer <API_TOKEN>"');
  const auth = bearerAuth({
    token,
    noAuthenticationHeader: { message: missing, wwwAuthenticateHeader: 'Bearer' },
    // bearer-auth answers 400 for a header that is not `Bearer <token68>`; the API says 401.
    invalidAuthenticationHeader: { message: missing, wwwAuthenticateHeader: 'Bearer' },
    invalidToken: {
      message: unauthorized('auth: the bearer token does not match API_TOKEN'),
      wwwAuthenticateHeader: 'Bearer',
    },
  });
  return (c, next) => (openPaths.includes(c.req.path) ? next() : auth(c, next));
}

/** bearer-auth's message option: a 401 answer in the error shape. */
function unauthorized(message: string): () => Response {
  const body: ErrorBody = { error: { code: 'unauthorized', message } };
  return () => Response.json(body, { status: 401 });
}
