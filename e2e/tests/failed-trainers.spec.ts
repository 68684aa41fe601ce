/**
 * Failed trainers and "why not pushed" (issue 12) on a store built with the project's MLMD writer:
 * eight runs, four failed Trainers. Driven with the real pointer and keyboard.
 */
import { type APIRequestContext, expect, test } from '@playwright/test';
import { getJson, trainWasteModel } from './api.ts';
import { TracePage } from './pages/trace-page.ts';
import { failedTrainersStore } from './stores.ts';

interface Graphlet {
  readonly trainer: number;
  readonly failed: boolean;
  readonly pushed: boolean;
}

async function graphlets(request: APIRequestContext, traceId: string): Promise<Graphlet[]> {
  const path = `/api/traces/${encodeURIComponent(traceId)}/graphlets`;
  return (await getJson<{ graphlets: Graphlet[] }>(request, path)).graphlets;
}

test('failed trainers are marked, counted apart, and each graphlet says why it was not pushed', async ({
  page,
  request,
}, info) => {
  const trace = await failedTrainersStore(request);
  const gs = await graphlets(request, trace.id);
  expect(gs.map((g) => g.failed)).toEqual([false, true, true, false, true, false, true, false]);

  const tracePage = new TracePage(page);
  await tracePage.open(trace.id);
  const strip = page.locator('.timeline button');
  await expect(strip).toHaveCount(8);
  await expect(page.locator('.timeline button.failed')).toHaveCount(4);
  await expect(tracePage.graphletButton(gs[1]!.trainer)).toHaveAttribute(
    'aria-label',
    /failed trainer/,
  );

  // The real mouse on the second run's button: a failed trainer, no push decision.
  const box = (await tracePage.graphletButton(gs[1]!.trainer).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await tracePage.expectSelected(gs[1]!.trainer);
  const panel = tracePage.details;
  await expect(panel.getByText('⚠ failed trainer')).toBeVisible();
  await expect(panel.getByText('Failed trainer: no model, no push decision')).toBeVisible();
  await expect(panel.getByText(/does not score failed trainers/)).toBeVisible();

  // Two steps right with the keyboard (roving focus in the strip): run 3, not blessed, declined.
  await page.keyboard.press('ArrowRight');
  await tracePage.expectSelected(gs[2]!.trainer);
  await page.keyboard.press('ArrowRight');
  await tracePage.expectSelected(gs[3]!.trainer);
  await expect(panel.getByText('Not pushed: the push step declined')).toBeVisible();
  await expect(panel.getByText(/ModelBlessing by Evaluator .*: not blessed/)).toBeVisible();
  await page.screenshot({ path: info.outputPath('trace-failed-trainers.png') });

  // The graphlet page of run 5: blessed, the Pusher failed.
  await page.goto(`/traces/${encodeURIComponent(trace.id)}/graphlets/${gs[5]!.trainer}`);
  await expect(page.getByText('Not pushed: the push step failed')).toBeVisible();
  await expect(
    page.getByText(
      /the model validator \(Evaluator\) blessed the model, and the Pusher run failed/,
    ),
  ).toBeVisible();
  await page.screenshot({ path: info.outputPath('graphlet-push-failed.png'), fullPage: true });

  // Counted apart: the corpus list and the figures page scoped to this trace.
  await page.goto('/');
  const row = page.getByRole('row', { name: /failing-trainers/ });
  await expect(row).toContainText('25'); // pushed 1 of 4 completed trainers
  await page.goto(`/figures?traces=${encodeURIComponent(trace.id)}`);
  const failed = page.getByText('Failed trainers', { exact: true });
  await expect(failed).toBeVisible();
  await expect(
    page.getByText(/no model, no push decision; .* of compute spent on them/),
  ).toBeVisible();
});

test('with a waste model, the graphlet page gives the chance to push and what the threshold does', async ({
  page,
  request,
}) => {
  const trace = await failedTrainersStore(request);
  await trainWasteModel(request);
  const gs = await graphlets(request, trace.id);
  await page.goto(`/traces/${encodeURIComponent(trace.id)}/graphlets/${gs[7]!.trainer}`);
  await expect(page.getByText('Not pushed: no push step ran')).toBeVisible();
  await expect(
    page.getByText(
      /The classifier \(RF:Input\+Pre, model .*\) gives this run a .*% chance to push; at the chosen threshold/,
    ),
  ).toBeVisible();
  // A failed trainer gets no prediction.
  await page.goto(`/traces/${encodeURIComponent(trace.id)}/graphlets/${gs[6]!.trainer}`);
  await expect(page.getByText(/does not score failed trainers/)).toBeVisible();
});
