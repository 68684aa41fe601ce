/**
 * Defect 8 (issue 12): the Waste page opened on the newest model even when that model held one
 * ablation variant. It must open on the newest model with the four main variants, and let the
 * user pick any model with the keyboard.
 */
import { expect, test } from '@playwright/test';
import { trainWasteModel } from './api.ts';

test('opens on the newest model with the four main variants, then any model can be picked', async ({
  page,
  request,
}, info) => {
  const main = await trainWasteModel(request);
  const ablation = await trainWasteModel(request, { variant: 'RF:Shape' });
  await page.goto('/waste');
  const picker = page.getByLabel('Model', { exact: true });
  await expect(picker).toHaveValue(main);
  const table = page.getByRole('table', { name: /Table 3/ });
  await expect(table).toBeVisible();
  await expect(table.getByText('RF:Input+Pre (not trained)')).toHaveCount(0);
  await expect(page.getByLabel('Variant', { exact: true })).toHaveValue('RF:Input+Pre');
  await expect(picker.locator('option:checked')).toContainText('4 main variants');
  await expect(picker.locator(`option[value="${ablation}"]`)).toContainText('RF:Shape');
  // Each variant in one line.
  await expect(page.getByText(/Ablation: only the counts of pre-trainer operators/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('waste-default.png'), fullPage: true });

  // The keyboard picks the ablation model: focus the select, step up to the newer entry.
  await picker.focus();
  await page.keyboard.press('ArrowUp');
  await expect(picker).toHaveValue(ablation);
  await expect(page).toHaveURL(new RegExp(`[?&]model=${ablation}(&|$)`));
  // Its Table 3 joins the main variants of the same split with its own RF:Shape row.
  await expect(table.getByText('RF:Shape (not trained)')).toHaveCount(0);
});
