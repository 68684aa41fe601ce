/**
 * Safe by default, with or without a token: the Host header must name this server (DNS
 * rebinding sends the attacker's host name), and a state-changing request that a browser marks
 * with an `Origin` must come from this server's own origin (a page elsewhere cannot upload or
 * delete). Hono's `csrf` middleware checks only form content types; this checks every method
 * that changes state, whatever its body.
 */
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { apiError } from './api-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::', '[::]']);

export interface GuardOptions {
  /** The address the server is bound to (HOST). */
  readonly host: string;
  /** More host names to answer (ALLOWED_HOSTS); `*` answers any. */
  readonly allowedHosts: readonly string[];
}

/** The host name of a Host header (`name:port`, `[v6]:port`), lower-cased; undefined when malformed. */
function hostNameOf(header: string): string | undefined {
  try {
    return new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether `name` (a host name as URL parses it) is one this server answers to. */
function hostAllowed(name: string, options: GuardOptions): boolean {
  if (options.allowedHosts.includes('*') || options.allowedHosts.includes(name)) return true;
  if (LOOPBACK_NAMES.includes(name)) return true;
  const bound = hostNameOf(options.host.includes(':') ? `[${options.host}]` : options.host);
  if (name === bound) return true;
  // Bound to every interface: any IP literal names this machine; a rebinding attack needs a name.
  return WILDCARD_ADDRESSES.has(options.host) && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

/** Middleware answering 403 forbidden for a foreign Host, or a state change from another origin. */
export function requestGuard(options: GuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostNameOf(host);
    if (name === undefined || !hostAllowed(name, options)) {
      throw apiError(
        403,
        'forbidden',
        `server: this server does not answer to the host name "${name ?? host}"; add it to ALLOWED_HOSTS to allow it`,
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !SAFE_METHODS.has(c.req.method)) {
      let originHost: string | undefined;
      try {
        originHost = new URL(origin).host.toLowerCase();
      } catch {
        originHost = undefined; // "null" (sandboxed frames, files) is never this server
      }
      if (originHost !== host.toLowerCase()) {
        throw apiError(
          403,
          'forbidden',
          `server: ${c.req.method} from the page at ${origin} refused; only pages this server serves may change data`,
        );
      }
    }
    await next();
  };
}
