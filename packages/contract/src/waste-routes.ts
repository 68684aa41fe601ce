/** Route definitions (OpenAPI) of the waste classifier's API; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse } from './error.ts';
import { JobSchema } from './jobs.ts';
import { jsonContent, jsonResponse } from './json-content.ts';
import {
  SkipPolicyDocumentSchema,
  WasteModelListSchema,
  WasteModelParamsSchema,
  WasteModelSchema,
  WasteOperatingPointSchema,
  WasteScoreBodySchema,
  WasteScoreSchema,
  WasteThresholdQuerySchema,
  WasteTrainBodySchema,
} from './waste.ts';

export const trainWasteRoute = createRoute({
  method: 'post',
  path: '/waste/train',
  tags: ['waste'],
  summary: 'Start training the waste classifier (a job with progress over its events)',
  request: { body: { content: jsonContent(WasteTrainBodySchema), required: true } },
  responses: {
    202: jsonResponse('The training job', z.object({ job: JobSchema })),
    400: errorResponse('Malformed request, unknown variant'),
    404: errorResponse('A listed trace does not exist'),
    422: errorResponse('Too few graphlets or pipelines, or only one class'),
    429: errorResponse('The training queue is full; retry after the Retry-After header'),
  },
});

export const listWasteModelsRoute = createRoute({
  method: 'get',
  path: '/waste/models',
  tags: ['waste'],
  summary: 'Trained waste models, newest first',
  responses: { 200: jsonResponse('The models', WasteModelListSchema) },
});

export const getWasteModelRoute = createRoute({
  method: 'get',
  path: '/waste/models/{id}',
  tags: ['waste'],
  summary: "A model's Table 3 rows and Figure 10 curves",
  request: { params: WasteModelParamsSchema },
  responses: {
    200: jsonResponse('The model', WasteModelSchema),
    404: errorResponse('No such model'),
  },
});

export const deleteWasteModelRoute = createRoute({
  method: 'delete',
  path: '/waste/models/{id}',
  tags: ['waste'],
  summary: 'Remove a trained model with its forests and test predictions',
  request: { params: WasteModelParamsSchema },
  responses: {
    204: { description: 'Removed' },
    404: errorResponse('No such model'),
  },
});

export const wasteOperatingPointRoute = createRoute({
  method: 'get',
  path: '/waste/models/{id}/operating-point',
  tags: ['waste'],
  summary: 'Freshness, waste, compute saved and the skipped test graphlets at a threshold',
  request: { params: WasteModelParamsSchema, query: WasteThresholdQuerySchema },
  responses: {
    200: jsonResponse('The operating point', WasteOperatingPointSchema),
    400: errorResponse('Bad threshold, or a variant the model lacks'),
    404: errorResponse('No such model'),
  },
});

export const wastePolicyRoute = createRoute({
  method: 'get',
  path: '/waste/models/{id}/policy',
  tags: ['waste'],
  summary: 'The skip policy of a variant at a threshold, as a download',
  request: { params: WasteModelParamsSchema, query: WasteThresholdQuerySchema },
  responses: {
    200: jsonResponse('The skip policy', SkipPolicyDocumentSchema),
    400: errorResponse('Bad threshold, or a variant the model lacks'),
    404: errorResponse('No such model'),
  },
});

export const scoreWasteRoute = createRoute({
  method: 'post',
  path: '/waste/score',
  tags: ['waste'],
  summary: "Score a graphlet's features against a skip policy",
  request: { body: { content: jsonContent(WasteScoreBodySchema), required: true } },
  responses: {
    200: jsonResponse('Push probability and decision', WasteScoreSchema),
    400: errorResponse('Invalid policy, or features the policy needs are missing'),
  },
});
