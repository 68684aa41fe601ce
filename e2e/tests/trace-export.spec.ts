/**
 * PNG and SVG export of the trace canvas, with a graphlet selected on the demo trace and on a
 * 7,083-node trace (scaled down past the browser's canvas limit, and saying so).
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { graphletsOf, tracesBySize } from './api.ts';
import { TracePage } from './pages/trace-page.ts';
import { largeTrace } from './stores.ts';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Clicks an export button and returns the saved file's path and the status sentence. */
async function exportAs(page: Page, kind: 'PNG' | 'SVG', path: string) {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: `Export as ${kind}` }).click();
  const file = await download;
  await file.saveAs(path);
  const status = page.getByTestId('export-status');
  await expect(status).toContainText(`Saved ${file.suggestedFilename()}`);
  return { path, name: file.suggestedFilename(), status: (await status.textContent()) ?? '' };
}

test('PNG and SVG export with a graphlet selected on the demo trace', async ({
  page,
  request,
}, info) => {
  const [demo] = await tracesBySize(request);
  const [, second] = await graphletsOf(request, demo!.id);
  const trace = new TracePage(page);
  await trace.open(demo!.id, `?g=${second!.trainer}`);
  await trace.expectSelected(second!.trainer);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const png = await exportAs(page, 'PNG', info.outputPath('demo.png'));
  expect(png.name).toBe(`trace-${demo!.id}-graphlet-${second!.trainer}.png`);
  const size = pngSize(png.path);
  expect(size.width).toBeGreaterThan(1000);
  expect(png.status).toContain(
    `${size.width.toLocaleString('en-US')} × ${size.height.toLocaleString('en-US')} px`,
  );

  const svg = await exportAs(page, 'SVG', info.outputPath('demo.svg'));
  const text = readFileSync(svg.path, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  const drawn = (await trace.visibleNodeIds()).length;
  expect(text.match(/<title>[^<]*\([ea]\d+\)<\/title>/g)).toHaveLength(drawn);
  expect(errors).toEqual([]);
});

test('PNG export of a 7,083-node trace is scaled to the canvas limit and says so; SVG is whole', async ({
  page,
  request,
}, info) => {
  test.setTimeout(240_000);
  const large = await largeTrace(request, 450);
  const trace = new TracePage(page);
  await trace.open(large.id);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(
    () => performance.getEntriesByName('graphlet-explorer:edges-added').length > 0,
    null,
    { timeout: 60_000 },
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const png = await exportAs(page, 'PNG', info.outputPath('large.png'));
  const size = pngSize(png.path);
  expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(16_384);
  expect(png.status).toMatch(/scaled to [\d.]+% to stay within the browser's canvas size limit/);
  await page.screenshot({ path: info.outputPath('large-export-status.png') });

  const svg = await exportAs(page, 'SVG', info.outputPath('large.svg'));
  const text = readFileSync(svg.path, 'utf8');
  expect(text.match(/<title>[^<]*\([ea]\d+\)<\/title>/g)!.length).toBeGreaterThan(7000);
  expect(errors).toEqual([]);
});
