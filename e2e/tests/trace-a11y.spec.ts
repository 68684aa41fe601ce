/**
 * Accessibility of the trace page in both colour schemes: axe-core finds no violation, every role
 * colour drawn on the canvas and the focus ring reach 3:1 against what they sit on (WCAG 1.4.11).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { wcagContrast } from 'culori';
import type { HookGlobal } from './pages/cy-lite.ts';
import { TracePage } from './pages/trace-page.ts';

/** The browser's getComputedStyle, typed for the few properties read here (no DOM typings in e2e). */
interface StyleGlobal {
  getComputedStyle(element: unknown): {
    backgroundColor: string;
    outlineColor: string;
    outlineWidth: string;
  };
}

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme} scheme: axe finds no violation, role colours and the focus ring reach 3:1`, async ({
    page,
    request,
  }, info) => {
    await page.emulateMedia({ colorScheme: scheme });
    const trace = new TracePage(page);
    await trace.openDemo(request);

    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);

    // Every role as drawn by Cytoscape against the canvas's own background.
    const drawn = await page.evaluate(() => {
      const cy = (globalThis as unknown as HookGlobal).__graphletExplorer!.cy;
      const fills: Record<string, string> = {};
      cy.nodes().map((n) => {
        const role = n.data('role') as string | undefined;
        if (role !== undefined && fills[role] === undefined)
          fills[role] = (n as unknown as { style(p: string): string }).style('background-color');
        return 0;
      });
      return fills;
    });
    const background = await page
      .locator('.canvas-wrap')
      .evaluate(
        (el) => (globalThis as unknown as StyleGlobal).getComputedStyle(el).backgroundColor,
      );
    expect(Object.keys(drawn).length).toBeGreaterThanOrEqual(4);
    for (const [role, fill] of Object.entries(drawn)) {
      expect(
        wcagContrast(fill, background),
        `${role} ${fill} on ${background}`,
      ).toBeGreaterThanOrEqual(3);
    }

    // The focus ring of a control reached by keyboard, against the page behind it.
    await page.getByRole('button', { name: 'Next ▶' }).focus();
    await page.keyboard.press('Shift+Tab');
    const ring = await page.locator(':focus').evaluate((el) => {
      const style = (globalThis as unknown as StyleGlobal).getComputedStyle(el);
      return { outline: style.outlineColor, width: style.outlineWidth };
    });
    const pageBackground = await page
      .locator('body')
      .evaluate(
        (el) =>
          (globalThis as unknown as StyleGlobal).getComputedStyle(el.parentElement).backgroundColor,
      );
    expect(Number.parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
    expect(wcagContrast(ring.outline, pageBackground)).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: info.outputPath(`trace-${scheme}.png`) });
  });
}
