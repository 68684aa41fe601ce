/** Page object of the trace page: navigation and the graph model read through the app's test hook. */
import { expect, type Page } from '@playwright/test';
import type { HookGlobal } from './cy-lite.ts';

export class TracePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
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
    );
  }

  /** Ids of nodes carrying `className` (e.g. lit, upstream, downstream), sorted. */
  async nodesWithClass(className: string): Promise<string[]> {
    return this.page.evaluate(
      (c) =>
        (globalThis as unknown as HookGlobal)
          .__graphletExplorer!.cy.nodes(`.${c}`)
          .map((n: { id(): string }) => n.id())
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
  graphletButton(trainer: number) {
    return this.page.locator(`.timeline button[data-trainer="${trainer}"]`);
  }

  /** Hovers a node through Cytoscape's event (the canvas has no DOM per node). */
  async hover(nodeId: string): Promise<void> {
    await this.page.evaluate((id) => {
      (globalThis as unknown as HookGlobal)
        .__graphletExplorer!.cy.getElementById(id)
        .emit('mouseover');
    }, nodeId);
  }

  /** Clicks (taps) a node through Cytoscape. */
  async tap(nodeId: string): Promise<void> {
    await this.page.evaluate((id) => {
      (globalThis as unknown as HookGlobal).__graphletExplorer!.cy.getElementById(id).emit('tap');
    }, nodeId);
  }
}
