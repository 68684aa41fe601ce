/** Issue 7's numbers on the trace page: navigation to an interactive graph, selection, panning. */
import type { Page } from '@playwright/test';
import type { Browser } from './browser.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { median, percentile } from './stats.ts';

/** What the trace page measured (ms). */
export interface TraceNumbers {
  readonly nodes: number;
  /** Edges drawn when the page became interactive (the rest follow in chunks). */
  readonly edges: number;
  /**
   * Edges on the canvas when the selection and hover runs began and when panning ended: a large
   * trace draws its edges in chunks after the first frame, so the early runs meet fewer edges and
   * may wait for a chunk.
   */
  readonly edgesDrawn: { atSelect: number; atHover: number; atEnd: number };
  readonly renderer: unknown;
  readonly navigationRunsMs: number[];
  readonly toInteractiveMs: number;
  readonly pageMeasures: unknown;
  readonly selectRunsMs: number[];
  readonly selectMs: number;
  readonly hoverRunsMs: number[];
  /** Median over the hovers drawn; misses counts hovers the page never drew. */
  readonly hoverMs: number;
  readonly hoverMisses: number;
  readonly pan: { frames: number; medianMs: number; p95Ms: number; maxMs: number };
}

/** Opens the trace `runs` times (fresh page each), then steps graphlets by keyboard and pans. */
export async function measureTrace(
  browser: Browser,
  url: string,
  traceId: string,
  runs = 3,
  renderer?: string,
): Promise<TraceNumbers> {
  const navigationRunsMs: number[] = [];
  let pageMeasures: unknown;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAGE_SCRIPT);
  if (renderer !== undefined) {
    // The app's renderer override (see apps/web/src/lib/graph/cy-renderer.ts).
    await context.addInitScript(
      `localStorage.setItem('graphlet-explorer:renderer', ${JSON.stringify(renderer)})`,
    );
  }
  const target = `${url}/traces/${encodeURIComponent(traceId)}`;
  // A warm-up visit so every run finds the page's chunks in the HTTP cache, as a user would.
  const warm = await context.newPage();
  await warm.goto(target);
  await warm.evaluate('window.__bench.traceInteractive(1)');
  await warm.close();
  let page = await context.newPage();
  for (let i = 0; i < runs; i++) {
    if (i > 0) {
      await page.close();
      page = await context.newPage();
    }
    await page.goto(target);
    navigationRunsMs.push(
      Math.round((await page.evaluate('window.__bench.traceInteractive(1)')) as number),
    );
    pageMeasures = await page.evaluate('window.__bench.measures()');
  }
  const size = (await page.evaluate(
    `({ nodes: window.__graphletExplorer.cy.nodes().length, edges: window.__graphletExplorer.cy.edges().length,
       renderer: document.querySelector('[data-testid="trace-canvas"]')?.dataset.renderer ?? 'canvas' })`,
  )) as { nodes: number; edges: number; renderer: string };

  const edgesNow = async () =>
    (await page.evaluate('window.__graphletExplorer.cy.edges().length')) as number;
  const atSelect = await edgesNow();
  const selectRunsMs: number[] = [];
  await page.locator('h1').click();
  for (let i = 0; i < 7; i++) {
    const previous = (await page.evaluate('new URLSearchParams(location.search).get("g")')) as
      | string
      | null;
    const done = page.evaluate(`window.__bench.selectionDone(${JSON.stringify(previous)})`);
    await page.keyboard.press('ArrowRight');
    selectRunsMs.push(Math.round(((await done) as { ms: number }).ms));
    await page.waitForTimeout(400); // the 200 ms focus animation ends before the next step
  }
  const atHover = await edgesNow();
  const hoverRunsMs = await measureHover(page);
  const frames = (await page.evaluate('window.__bench.panFrames(2000)')) as number[];
  const atEnd = await edgesNow();
  await context.close();
  return {
    nodes: size.nodes,
    edges: size.edges,
    edgesDrawn: { atSelect, atHover, atEnd },
    renderer: size.renderer,
    navigationRunsMs,
    toInteractiveMs: median(navigationRunsMs),
    pageMeasures,
    selectRunsMs,
    selectMs: median(selectRunsMs),
    hoverRunsMs,
    hoverMs: median(hoverRunsMs.filter(Number.isFinite)),
    hoverMisses: hoverRunsMs.filter((ms) => !Number.isFinite(ms)).length,
    pan: {
      frames: frames.length,
      medianMs: round1(median(frames)),
      p95Ms: round1(percentile(frames, 0.95)),
      maxMs: round1(Math.max(...frames)),
    },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The real mouse onto trainers drawn on screen, one after another (off the canvas between): from the
 * last mouse move to the frame after the node is drawn hovered with its upstream and downstream.
 */
async function measureHover(page: Page): Promise<number[]> {
  await page.keyboard.press('Escape');
  const trainers = (await page.evaluate('window.__bench.trainersOnScreen(7)')) as {
    id: string;
    x: number;
    y: number;
  }[];
  const runs: number[] = [];
  for (const t of trainers) {
    await page.mouse.move(5, 5);
    await page.evaluate('window.__bench.unhovered()');
    await page.waitForTimeout(300);
    const done = page.evaluate(`window.__bench.hoverDone(${JSON.stringify(t.id)})`);
    await page.mouse.move(t.x, t.y);
    // A hover the page never draws (the pointer missed the node) counts as NaN, not as a time.
    const ms = await done.then(
      (r) => (r as { ms: number }).ms,
      () => Number.NaN,
    );
    runs.push(Math.round(ms));
  }
  await page.mouse.move(5, 5);
  return runs;
}
