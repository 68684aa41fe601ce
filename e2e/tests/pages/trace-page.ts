/**
 * Page object of the trace page: navigation, the graph model read through the app's test hook, and
 * the real pointer at a node's drawn position (the canvas has no DOM per node).
 */
import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';
import { type TraceSummary, tracesBySize } from '../api.ts';
import type { HookGlobal } from './cy-lite.ts';

/** A point in page coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export class TracePage {
  readonly page: Page;
  readonly canvas: Locator;
  readonly details: Locator;

  constructor(page: Page) {
    this.page = page;
    this.canvas = page.getByTestId('trace-canvas');
    this.details = page.getByRole('complementary', { name: 'Details' });
  }

  /** Opens the demo corpus's largest trace and waits until its layout settles; resolves to it. */
  async openDemo(request: APIRequestContext): Promise<TraceSummary> {
    const [demo] = await tracesBySize(request);
    if (demo === undefined) throw new Error('trace page: the demo corpus has no trace');
    await this.open(demo.id);
    await this.settle();
    return demo;
  }

  /** Opens a trace (with optional search params) and waits for the canvas model. */
  async open(traceId: string, search = ''): Promise<void> {
    await this.page.goto(`/traces/${encodeURIComponent(traceId)}${search}`);
    await this.waitForGraph();
  }

  /** Waits until the Cytoscape instance has nodes. */
  async waitForGraph(): Promise<void> {
    await this.page.waitForFunction(
      () => ((globalThis as unknown as HookGlobal).__graphletExplorer?.cy.nodes().length ?? 0) > 0,
      null,
      { timeout: 60_000 },
    );
  }

  /** Ids of nodes carrying `className` (e.g. lit, upstream, downstream), sorted. */
  async nodesWithClass(className: string): Promise<string[]> {
    return this.page.evaluate(
      (c) =>
        (globalThis as unknown as HookGlobal)
          .__graphletExplorer!.cy.nodes(`.${c}`)
          .map((n) => n.id())
          .sort(),
      className,
    );
  }

  /** Waits until the selected graphlet in the URL is `trainer` and its nodes are lit. */
  async expectSelected(trainer: number): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`[?&]g=${trainer}(&|$)`));
    await this.page.waitForFunction(
      () => (globalThis as unknown as HookGlobal).__graphletExplorer!.cy.nodes('.lit').length > 0,
    );
  }

  /** The timeline button of a graphlet. */
  graphletButton(trainer: number): Locator {
    return this.page.locator(`.timeline button[data-trainer="${trainer}"]`);
  }

  /** The zoom and pan of the canvas. */
  async viewport(): Promise<{ zoom: number; pan: Point }> {
    return this.page.evaluate(() => {
      const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
      return { zoom: cy.zoom(), pan: cy.pan() };
    });
  }

  /** Waits until the viewport has not moved for two frames (animations done). */
  async settle(): Promise<void> {
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify(await this.viewport());
          const still = now === last;
          last = now;
          return still;
        },
        { intervals: [100, 150, 200] },
      )
      .toBe(true);
  }

  /** The page coordinates of a node's centre as drawn now. */
  async nodePoint(nodeId: string): Promise<Point> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the trace canvas is not on screen');
    const at = await this.page.evaluate(
      (id) =>
        (globalThis as unknown as HookGlobal)
          .__graphletExplorer!.cy.getElementById(id)
          .renderedPosition(),
      nodeId,
    );
    return { x: box.x + at.x, y: box.y + at.y };
  }

  /**
   * Ids of nodes (optionally of one `role`, or `kind`) whose centres are drawn inside the canvas,
   * at least `margin` px from its edges and clear of the control column, in model order.
   */
  async nodesOnScreen(
    filter: { role?: string; kind?: string } = {},
    margin = 40,
  ): Promise<string[]> {
    return this.page.evaluate(
      ({ role, kind, margin }) => {
        const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
        const w = cy.width();
        const h = cy.height();
        return cy
          .nodes()
          .filter((n) => {
            if (role !== undefined && n.data('role') !== role) return false;
            if (kind !== undefined && n.data('kind') !== kind) return false;
            if (!n.visible()) return false;
            const p = n.renderedPosition();
            // The control column sits at the top right, 50 px wide.
            return (
              p.x > margin && p.y > margin && p.x < w - Math.max(margin, 60) && p.y < h - margin
            );
          })
          .map((n) => n.id());
      },
      { ...filter, margin },
    );
  }

  /** Moves the real mouse onto a node's centre, coming from a point beside it. */
  async pointAt(nodeId: string): Promise<void> {
    const p = await this.nodePoint(nodeId);
    await this.page.mouse.move(p.x + 30, p.y + 30);
    await this.page.mouse.move(p.x, p.y, { steps: 5 });
  }

  /** Clicks a node with the real mouse at its centre. */
  async clickNode(nodeId: string): Promise<void> {
    await this.pointAt(nodeId);
    const p = await this.nodePoint(nodeId);
    await this.page.mouse.click(p.x, p.y);
  }

  /** How far (px) a node is drawn from the canvas's centre. */
  async distanceFromCentre(nodeId: string): Promise<number> {
    return this.page.evaluate((id) => {
      const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
      const p = cy.getElementById(id).renderedPosition();
      return Math.hypot(p.x - cy.width() / 2, p.y - cy.height() / 2);
    }, nodeId);
  }

  /**
   * The rendered box of the given nodes (all visible ones when omitted) as a share of the canvas:
   * `inside` when every node is on screen, `fill` the larger of width and height shares.
   */
  async framing(
    nodeIds?: readonly string[],
  ): Promise<{ inside: boolean; fill: number; count: number }> {
    return this.page.evaluate(
      (ids) => {
        const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
        const nodes = cy
          .nodes()
          .filter(
            (n) =>
              n.data('kind') !== 'veil' && n.visible() && (ids === null || ids.includes(n.id())),
          );
        let x1 = Number.POSITIVE_INFINITY;
        let y1 = Number.POSITIVE_INFINITY;
        let x2 = Number.NEGATIVE_INFINITY;
        let y2 = Number.NEGATIVE_INFINITY;
        nodes.map((n) => {
          const p = n.renderedPosition();
          x1 = Math.min(x1, p.x);
          y1 = Math.min(y1, p.y);
          x2 = Math.max(x2, p.x);
          y2 = Math.max(y2, p.y);
          return 0;
        });
        const w = cy.width();
        const h = cy.height();
        return {
          inside: x1 >= 0 && y1 >= 0 && x2 <= w && y2 <= h,
          fill: Math.max((x2 - x1) / w, (y2 - y1) / h),
          count: nodes.length,
        };
      },
      nodeIds === undefined ? null : [...nodeIds],
    );
  }

  /** Ids of the nodes drawn (not hidden by filters), sorted. */
  async visibleNodeIds(): Promise<string[]> {
    return this.page.evaluate(() =>
      (globalThis as unknown as HookGlobal)
        .__graphletExplorer!.cy.nodes()
        .filter((n) => n.data('kind') !== 'veil' && n.visible())
        .map((n) => n.id())
        .sort(),
    );
  }

  /** Zooms with the mouse wheel over the canvas's centre until the zoom reaches `level`. */
  async wheelZoomTo(level: number): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the trace canvas is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 60 && (await this.viewport()).zoom < level; i++) {
      for (let k = 0; k < 4; k++) await this.page.mouse.wheel(0, -240);
    }
    await this.settle();
  }

  /** Moves the mouse off the canvas (to the page heading). */
  async pointAway(): Promise<void> {
    const box = await this.page.locator('h1').boundingBox();
    if (box !== null) await this.page.mouse.move(box.x + 2, box.y + 2, { steps: 3 });
  }
}
