/** Serves the built web app with an SPA fallback to index.html, or a hint page when it is not built. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Graphlet Explorer</title></head>
<body><h1>Graphlet Explorer</h1>
<p>The API is running at <a href="/api/openapi.json">/api</a>, but the web app is not built.</p>
<p>Build it with <code>pnpm --filter @graphlet/web build</code> and reload this page.</p>
</body></html>`;

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * index.html as it is on disk now: re-read whenever its mtime or size changes, so a rebuilt web
 * app (new hashed asset names) is served without a restart; undefined while it does not exist.
 */
function indexHtmlReader(path: string): () => string | undefined {
  let cached: { mtimeMs: number; size: number; html: string } | undefined;
  return () => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return undefined;
    if (cached?.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      try {
        cached = { mtimeMs: stat.mtimeMs, size: stat.size, html: readFileSync(path, 'utf8') };
      } catch {
        return undefined; // removed between stat and read, e.g. mid-rebuild
      }
    }
    return cached.html;
  };
}

/** GET handlers for everything outside /api; the build is looked up per request. */
export function webAppRoutes(webDir: string): Hono {
  const app = new Hono();
  const indexHtml = indexHtmlReader(join(webDir, 'index.html'));
  const assets = serveStatic({ root: webDir });
  app.use('*', async (c, next) => {
    if (isApi(c.req.path)) return next();
    if (indexHtml() === undefined) return c.html(NOT_BUILT, 200);
    return assets(c, next);
  });
  app.get('*', (c, next) => {
    if (isApi(c.req.path)) return next();
    const html = indexHtml();
    if (html === undefined) return c.html(NOT_BUILT, 200);
    // The SPA shell names the current hashed assets: browsers must revalidate it.
    c.header('Cache-Control', 'no-cache');
    return c.html(html, 200);
  });
  return app;
}
