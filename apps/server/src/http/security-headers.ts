/**
 * Security headers on every answer (Hono's secureHeaders): a Content-Security-Policy that lets
 * the web app run its own scripts, workers and styles and nothing else (no inline script, no
 * framing), nosniff, and no referrer sent to other sites.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The CSP and companion headers for API answers and the built web app alike. */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React and Cytoscape set element styles; no stylesheet is fetched from elsewhere.
      styleSrc: ["'self'", "'unsafe-inline'"],
      // Exports are drawn to canvas and downloaded through blob: URLs.
      imgSrc: ["'self'", 'data:', 'blob:'],
      workerSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    // Off: the app is served over plain http on loopback by default; a TLS proxy sets HSTS.
    strictTransportSecurity: false,
  });
}
