import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../chromium.ts';
import { getJson } from './api.ts';

/** The DOM globals the in-page code uses (the e2e project has no DOM typings). */
declare const document: {
  querySelector(selector: string): { submit(): void } | null;
};

const appPort = Number(process.env.E2E_PORT ?? 8181);
const app = `http://127.0.0.1:${appPort}`;

/** A hostile page on another port: it tries to upload a trace and delete a source on the app. */
const HOSTILE_PAGE = `<!doctype html><title>elsewhere</title>
<form id="upload" method="post" action="${app}/api/sources" enctype="multipart/form-data">
  <input type="hidden" name="file" value='{"format":"graphlet-explorer/trace","version":1,"traces":[]}'>
</form>`;

let hostile: Server;
let hostileUrl: string;

test.beforeAll(async () => {
  hostile = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(HOSTILE_PAGE);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/`;
});
test.afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

const sourceCount = async (request: Parameters<typeof getJson>[0]) =>
  (await getJson<{ sources: unknown[] }>(request, '/api/sources')).sources.length;

test('a page on another origin cannot upload or delete, by fetch or by form', async ({
  page,
  request,
}) => {
  const before = await sourceCount(request);
  const { sources } = await getJson<{ sources: { id: string }[] }>(request, '/api/sources');
  await page.goto(hostileUrl);
  // fetch without CORS: the browser sends the request (the page cannot read the answer).
  const sent = await page.evaluate(
    async ({ app, victim }) => {
      const form = new FormData();
      form.append(
        'file',
        new Blob(['{"format":"graphlet-explorer/trace","version":1,"traces":[]}']),
        'x.json',
      );
      const results: string[] = [];
      for (const init of [
        { method: 'POST', body: form, mode: 'no-cors' as const },
        { method: 'DELETE', mode: 'no-cors' as const },
      ]) {
        const url =
          init.method === 'DELETE' ? `${app}/api/sources/${victim}` : `${app}/api/sources`;
        results.push(
          await fetch(url, init).then(
            (r) => r.type,
            (e: Error) => e.name,
          ),
        );
      }
      return results;
    },
    { app, victim: sources[0]?.id ?? '0000000000000000' },
  );
  expect(sent).toHaveLength(2);
  // A form POST navigates to the server's answer: the refusal, in the error shape.
  await Promise.all([
    page.waitForURL(`${app}/api/sources`),
    page.evaluate(() => document.querySelector('#upload')?.submit()),
  ]);
  const answer = JSON.parse((await page.locator('body').textContent()) ?? '{}') as {
    error?: { code: string };
  };
  expect(answer.error?.code).toBe('forbidden');
  expect(await sourceCount(request)).toBe(before);
});

test('a page reached through another host name (DNS rebinding) is refused', async () => {
  // The browser resolves rebind.test to the server, as a rebinding attack's DNS would.
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
    args: [...CHROMIUM_LAUNCH.args, '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.test:${appPort}/api/sources`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('body').textContent()).toContain('ALLOWED_HOSTS');
    const home = await page.goto(`http://rebind.test:${appPort}/`);
    expect(home?.status()).toBe(403);
  } finally {
    await browser.close();
  }
});

test('the app runs under its Content-Security-Policy without violations', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.getByRole('heading', { name: 'Corpus' })).toBeVisible();
  await page.getByText('Server limits and caches').click();
  await expect(page.getByText('Statistics cache')).toBeVisible();
  await expect(
    page.getByText(/of 32(\.0)? MiB · \d+ results? \(STATS_CACHE_BYTES\)/),
  ).toBeVisible();
  await expect(page.getByText(/of 256 MiB · [\d,]+ entr(y|ies) \(CACHE_BYTES\)/)).toBeVisible();
  await page.screenshot({ path: 'test-results/server-status.png' });
  expect(violations).toEqual([]);
});
