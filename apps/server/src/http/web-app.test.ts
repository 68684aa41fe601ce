import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorBody } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { tempDataDir, withServer } from '../test-support/test-server.ts';

describe('web app', () => {
  it('serves files, falls back to index.html for app paths, and keeps /api errors as JSON', async () => {
    const root = tempDataDir();
    const web = join(root, 'dist');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    await withServer(
      async (server) => {
        expect(await (await server.app.request('/')).text()).toContain('id="root"');
        const asset = await server.app.request('/assets/app.js');
        expect(asset.status).toBe(200);
        expect(await asset.text()).toBe('console.log(1)');
        const deep = await server.app.request('/traces/abc-1');
        expect(deep.status).toBe(200);
        expect(await deep.text()).toContain('id="root"');
        const api = await server.app.request('/api/nope');
        expect(api.status).toBe(404);
        expect(((await api.json()) as ErrorBody).error.code).toBe('not_found');
      },
      { webDir: web },
    ).finally(() => rmSync(root, { recursive: true, force: true }));
  });

  it('picks up a rebuilt (or first built) web app without a restart', async () => {
    const root = tempDataDir();
    const web = join(root, 'dist');
    await withServer(
      async (server) => {
        expect(await (await server.app.request('/traces/abc-1')).text()).toMatch(/not built/);
        mkdirSync(web, { recursive: true });
        writeFileSync(join(web, 'index.html'), '<script src="/assets/index-old.js"></script>');
        const first = await server.app.request('/traces/abc-1');
        expect(await first.text()).toContain('index-old.js');
        expect(first.headers.get('cache-control')).toBe('no-cache');
        // A rebuild rewrites index.html with new asset names (and a new size or mtime).
        writeFileSync(join(web, 'index.html'), '<script src="/assets/index-new1.js"></script>');
        const deep = await (await server.app.request('/traces/abc-1/graphlets/3')).text();
        expect(deep).toContain('index-new1.js');
        expect(await (await server.app.request('/')).text()).toContain('index-new1.js');
        rmSync(join(web, 'index.html'));
        expect(await (await server.app.request('/traces/abc-1')).text()).toMatch(/not built/);
      },
      { webDir: web },
    ).finally(() => rmSync(root, { recursive: true, force: true }));
  });

  it('answers a hint page when the web app is not built', async () => {
    await withServer(async (server) => {
      const response = await server.app.request('/');
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/web app is not built/);
      expect((await server.app.request('/api/nope')).status).toBe(404);
    });
  });
});
