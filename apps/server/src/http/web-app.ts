/** Serves the built web app with an SPA fallback to index.html, or a hint page when it is not built. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Graphlet Explorer</title></head>
<body><h1>Graphlet Explorer</h1>
<p>The API is running at <a href="/api/openapi.json">/api</a>, but the web app is not built.</p>
<p>Build it with <code>pnpm --filter @graphlet/web build</code> and reload this page.</p>
</body></html>`;

/** GET handlers for everything outside /api. */
export function webAppRoutes(webDir: string): Hono {
  const app = new Hono();
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : c.html(NOT_BUILT, 200)));
    return app;
  }
  const spa = readFileSync(index, 'utf8');
  app.use('*', async (c, next) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: webDir })(c, next);
  });
  app.get('*', (c, next) =>
    c.req.path === '/api' || c.req.path.startsWith('/api/') ? next() : c.html(spa, 200),
  );
  return app;
}
