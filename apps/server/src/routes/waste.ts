/**
 * The waste classifier's API (paper §5): start training (a job), list and read trained models,
 * operating points and skip policies at a threshold, and scoring features against a policy.
 */
import {
  deleteWasteModelRoute,
  getWasteModelRoute,
  listWasteModelsRoute,
  scoreWasteRoute,
  trainWasteRoute,
  wasteOperatingPointRoute,
  wastePolicyRoute,
} from '@graphlet/contract/routes';
import { MAIN_VARIANTS } from '@graphlet/core';
import {
  buildSkipPolicy,
  checkMemory,
  checkTrainableCounts,
  missingPolicyFeatures,
  operatingPointNumbers,
  parseSkipPolicy,
  scorePolicy,
} from '@graphlet/waste';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';
import {
  WASTE_TRAIN_JOB,
  type WasteTrainRequest,
  wasteTrainMemory,
} from '../waste/train-waste-job.ts';

/** The waste routes. */
export function wasteRoutes(services: Services) {
  const app = createRouter();
  const models = services.waste;

  app.openapi(trainWasteRoute, async (c) => {
    const body = c.req.valid('json');
    const scope = body.traces === undefined ? null : [...new Set(body.traces)];
    for (const id of scope ?? []) {
      if ((await services.store.getTraceSummary(id)) === undefined) {
        throw apiError(
          404,
          'not_found',
          `waste: no trace with id "${id}"; list them at /api/traces`,
        );
      }
    }
    const traceIds = scope ?? (await services.store.listTraceIds());
    const request: WasteTrainRequest = {
      variants: body.variant === undefined ? MAIN_VARIANTS : [body.variant],
      traceIds,
      scope,
      trees: body.trees ?? 100,
      seed: body.seed ?? 0,
    };
    // A corpus that cannot be trained, or whose estimated peak memory exceeds WASTE_MAX_MEMORY
    // (refused now, naming the figure it would need), throws a WasteError: 422 with its code.
    const counts = await services.store.trainableCounts(traceIds);
    checkTrainableCounts(counts);
    checkMemory(
      wasteTrainMemory(counts, request, services.config.cacheBytes),
      services.config.wasteMaxMemory,
      'the server setting WASTE_MAX_MEMORY',
    );
    const job = services.jobs.start(WASTE_TRAIN_JOB, request, { stage: 'queued' });
    return c.json({ job }, 202);
  });

  app.openapi(listWasteModelsRoute, async (c) =>
    c.json({ models: await services.store.listWasteModels() }, 200),
  );

  app.openapi(getWasteModelRoute, async (c) => {
    const { stored } = await models.require(c.req.valid('param').id);
    return c.json({ ...stored.summary, ...stored.results }, 200);
  });

  app.openapi(deleteWasteModelRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await services.store.deleteWasteModel(id))) {
      throw apiError(
        404,
        'not_found',
        `waste: no model with id "${id}"; list them at /api/waste/models`,
      );
    }
    models.forget(id);
    return c.body(null, 204);
  });

  app.openapi(wasteOperatingPointRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { variant, threshold } = c.req.valid('query');
    const model = await models.require(id);
    const v = models.variant(model, variant);
    const p = models.operatingPoint(model, v, threshold);
    const test = model.stored.test;
    return c.json(
      {
        model: id,
        variant,
        ...operatingPointNumbers(p),
        testGraphlets: test.trainer.length,
        skipped: Array.from(p.skipped, (i) => ({
          traceId: test.traceId[i]!,
          pipeline: test.pipeline[i]!,
          trainer: test.trainer[i]!,
          pushed: test.pushed[i] === 1,
          probability: v.probability[i]!,
          cost: test.cost[i]!,
        })),
      },
      200,
    );
  });

  app.openapi(wastePolicyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { variant, threshold } = c.req.valid('query');
    const model = await models.require(id);
    const v = models.variant(model, variant);
    const p = models.operatingPoint(model, v, threshold);
    const policy = buildSkipPolicy({
      variant,
      threshold,
      featureOptions: model.stored.test.featureOptions,
      features: v.features,
      forest: await models.forest(model, variant, v),
      evaluation: {
        balancedAccuracy: v.balancedAccuracy,
        freshness: p.freshness,
        waste: p.waste,
        trainGraphlets: model.stored.summary.scope.trainGraphlets,
        testGraphlets: model.stored.summary.scope.testGraphlets,
      },
    });
    const file = `skip-policy-${id}-${variant.replaceAll(/[^A-Za-z0-9]+/g, '-')}-${threshold}.json`;
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.json(
      {
        ...policy,
        features: [...policy.features],
        forest: { ...policy.forest, trees: [...policy.forest.trees] },
      },
      200,
    );
  });

  app.openapi(scoreWasteRoute, (c) => {
    const body = c.req.valid('json');
    // A bad policy or feature set throws a WasteError: 400 bad_request (http/package-errors).
    const policy = parseSkipPolicy(body.policy);
    const missing = missingPolicyFeatures(policy, body.features);
    if (missing.length > 0) {
      throw apiError(
        400,
        'bad_request',
        `waste: features missing for the ${policy.variant} policy (send null for an unknown value): ${missing.join(', ')}`,
        { missing },
      );
    }
    return c.json(scorePolicy(policy, body.features), 200);
  });
  return app;
}
