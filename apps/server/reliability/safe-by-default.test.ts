/** Reliability: a foreign Host or Origin is refused, every answer carries security headers, JSON bodies are bounded, one server per data folder. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Loopback, rawRequest, startLoopback } from './loopback-server.ts';

describe('safe by default', () => {
  let lo: Loopback;
  beforeAll(async () => {
    lo = await startLoopback({ maxJsonBytes: 1024 });
    const web = join(lo.dataDir, 'web');
    mkdirSync(web);
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><title>x</title><script type="module" src="/a.js"></script>',
    );
  });
  afterAll(() => lo.stop());

  it('answers 403 to a Host that is not this server (DNS rebinding), and to one of ALLOWED_HOSTS only when listed', async () => {
    const rebound = await rawRequest(lo.port, {
      path: '/api/sources',
      headers: { host: `attacker.example:${lo.port}` },
    });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toMatchObject({ code: 'forbidden' });
    expect(JSON.parse(rebound.body).error.message).toContain('ALLOWED_HOSTS');
    for (const host of [`127.0.0.1:${lo.port}`, `localhost:${lo.port}`]) {
      expect((await rawRequest(lo.port, { path: '/api/sources', headers: { host } })).status).toBe(
        200,
      );
    }
    const widened = await startLoopback({ allowedHosts: 'graphlets.example.org' });
    try {
      const ok = await rawRequest(widened.port, {
        path: '/api/health',
        headers: { host: 'graphlets.example.org' },
      });
      expect(ok.status).toBe(200);
      const other = await rawRequest(widened.port, {
        path: '/api/health',
        headers: { host: 'other.example.org' },
      });
      expect(other.status).toBe(403);
    } finally {
      await widened.stop();
    }
  });

  it('answers 403 to a state change from another origin, whatever the method or body', async () => {
    const host = `127.0.0.1:${lo.port}`;
    for (const [method, path] of [
      ['POST', '/api/sources'],
      ['DELETE', '/api/sources/abc'],
      ['POST', '/api/waste/score'],
      ['PUT', '/api/sources/abc/role-overrides'],
    ] as const) {
      const foreign = await rawRequest(lo.port, {
        method,
        path,
        headers: { host, origin: 'http://evil.example', 'content-type': 'text/plain' },
        body: 'x',
      });
      expect(foreign.status, `${method} ${path}`).toBe(403);
      expect(JSON.parse(foreign.body).error.code).toBe('forbidden');
    }
    const nullOrigin = await rawRequest(lo.port, {
      method: 'DELETE',
      path: '/api/sources/abc',
      headers: { host, origin: 'null' },
    });
    expect(nullOrigin.status).toBe(403);
    // The app's own pages, and clients that send no Origin (curl, the CLI), go through.
    const own = await rawRequest(lo.port, {
      method: 'DELETE',
      path: '/api/sources/abc',
      headers: { host, origin: `http://${host}` },
    });
    expect(own.status).toBe(404);
    const cli = await rawRequest(lo.port, {
      method: 'DELETE',
      path: '/api/sources/abc',
      headers: { host },
    });
    expect(cli.status).toBe(404);
  });

  it('sends the security headers on API answers, errors and the web app', async () => {
    const web = await startLoopback({ webDir: join(lo.dataDir, 'web') });
    try {
      for (const [port, path] of [
        [lo.port, '/api/health'],
        [lo.port, '/api/nope'],
        [web.port, '/'],
        [web.port, '/traces/x'],
      ] as const) {
        const { headers } = await rawRequest(port, { path });
        expect(headers['x-content-type-options'], path).toBe('nosniff');
        expect(headers['referrer-policy'], path).toBe('no-referrer');
        const csp = String(headers['content-security-policy']);
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toMatch(/script-src 'self'(;|$)/);
        expect(csp, path).not.toContain("'unsafe-eval'");
      }
    } finally {
      await web.stop();
    }
  });

  it('answers 413 payload_too_large to a JSON body past MAX_JSON_BYTES, declared or streamed', async () => {
    const big = JSON.stringify({ policy: {}, features: { x: 'y'.repeat(4096) } });
    const declared = await fetch(`${lo.base}/api/waste/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(
      ((await declared.json()) as { error: { code: string; message: string } }).error,
    ).toMatchObject({
      code: 'payload_too_large',
      message: expect.stringContaining('MAX_JSON_BYTES'),
    });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++)
          controller.enqueue(new TextEncoder().encode(big.slice(i * 600, (i + 1) * 600)));
        controller.close();
      },
    });
    const streamed = await fetch(`${lo.base}/api/waste/train`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const small = await fetch(`${lo.base}/api/waste/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"policy":{},"features":{}}',
    });
    expect(small.status).toBe(400);
  });

  it('reads the token from API_TOKEN_FILE: 401 without it, 200 with it, never in the environment', async () => {
    const dir = join(lo.dataDir, 'token-server');
    mkdirSync(dir);
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'file-token-123\n');
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, ['--no-warnings', main], {
      env: {
        ...process.env,
        DATA_DIR: dir,
        PORT: String(port),
        DEMO: '0',
        API_TOKEN_FILE: tokenFile,
      },
      stdio: 'ignore',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await expect
        .poll(async () => (await fetch(`${base}/api/health`).catch(() => undefined))?.status, {
          timeout: 30_000,
        })
        .toBe(200);
      expect((await fetch(`${base}/api/sources`)).status).toBe(401);
      const ok = await fetch(`${base}/api/sources`, {
        headers: { authorization: 'Bearer file-token-123' },
      });
      expect(ok.status).toBe(200);
      expect(readFileSync(`/proc/${child.pid}/environ`, 'utf8')).not.toContain('file-token-123');
      expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).not.toContain('file-token-123');
    } finally {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
  });

  it('lets one server use a data folder: a second one exits with a clear message', () => {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    const second = spawnSync(process.execPath, ['--no-warnings', main], {
      env: { ...process.env, DATA_DIR: lo.dataDir, PORT: '0', DEMO: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`another server is using the data folder ${lo.dataDir}`);
  });
});
