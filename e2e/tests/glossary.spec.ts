/**
 * The glossary: linked from every page's header, and its terms explained in place by tooltips that
 * keyboard focus opens (aria-describedby), each linking to its entry.
 */
import { expect, test } from '@playwright/test';
import { tracesBySize } from './api.ts';

const TERMS = [
  'graphlet',
  'span',
  'pushed',
  'freshness',
  'waste',
  'feature cost',
  'balanced accuracy',
];

test('every page links to the glossary, which defines the paper’s terms', async ({
  page,
  request,
}, info) => {
  const [trace] = await tracesBySize(request);
  for (const path of ['/', '/figures', '/waste', `/traces/${trace!.id}`, '/no-such-page']) {
    await page.goto(path);
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }),
    ).toBeVisible();
  }
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Glossary' })
    .click();
  await expect(page).toHaveURL(/\/glossary$/);
  await expect(page).toHaveTitle(/Glossary/);
  for (const term of TERMS)
    await expect(page.locator(`#${term.replaceAll(' ', '-')} dt`)).toHaveText(term);
  await page.screenshot({ path: info.outputPath('glossary.png') });
});

test('keyboard: a term on the Figures page shows its definition on focus and opens its entry', async ({
  page,
}, info) => {
  await page.goto('/figures');
  const term = page.locator('.summary-item[data-key="graphlets"] .term-link');
  await expect(term).toBeVisible();
  // Tab to it: the term is focusable and described by its tooltip.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (
      await term.evaluate(
        (el) =>
          el ===
          (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument
            .activeElement,
      )
    )
      break;
  }
  await expect(term).toBeFocused();
  const tipId = await term.getAttribute('aria-describedby');
  const tip = page.locator(`[id="${tipId}"]`);
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('One trained model');
  await page.screenshot({ path: info.outputPath('term-focus.png') });
  // The pointer shows another term's tooltip on hover.
  const pushed = page.locator('.summary-item[data-key="pushedShare"] .term-link');
  await pushed.hover();
  await expect(
    page.locator(`[id="${await pushed.getAttribute('aria-describedby')}"]`),
  ).toBeVisible();

  await term.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/glossary#graphlet$/);
  await expect(page.locator('#graphlet')).toBeInViewport();
});
