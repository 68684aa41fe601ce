/** Route definitions of role overrides and the OpenLineage endpoint. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { errorResponse } from './error.ts';
import { jsonContent, jsonResponse } from './json-content.ts';
import {
  LineageReceiptSchema,
  RoleOverridesBodySchema,
  RoleOverridesSchema,
} from './role-overrides.ts';
import { SourceIdParamsSchema } from './sources.ts';

export const getRoleOverridesRoute = createRoute({
  method: 'get',
  path: '/sources/{id}/role-overrides',
  tags: ['sources'],
  summary: "A source's role overrides and the execution types and names they can name",
  request: { params: SourceIdParamsSchema },
  responses: {
    200: jsonResponse('Overrides and subjects', RoleOverridesSchema),
    404: errorResponse('No such source'),
  },
});

export const putRoleOverridesRoute = createRoute({
  method: 'put',
  path: '/sources/{id}/role-overrides',
  tags: ['sources'],
  summary: "Replaces a source's role overrides and re-segments its traces",
  request: {
    params: SourceIdParamsSchema,
    body: { required: true, content: jsonContent(RoleOverridesBodySchema) },
  },
  responses: {
    200: jsonResponse('The overrides now in force', RoleOverridesSchema),
    400: errorResponse('Not a list of {field, value, role}'),
    404: errorResponse('No such source'),
  },
});

export const postLineageRoute = createRoute({
  method: 'post',
  path: '/v1/lineage',
  tags: ['lineage'],
  summary:
    'OpenLineage events as OpenLineage clients send them to Marquez (one event, or an array); they build the live source',
  request: {
    body: {
      required: true,
      content: jsonContent(
        z.unknown().meta({ description: 'An OpenLineage RunEvent, DatasetEvent or JobEvent' }),
      ),
    },
  },
  responses: {
    201: jsonResponse('Accepted and applied', LineageReceiptSchema),
    400: errorResponse(
      'Not JSON, or an event the OpenLineage schema rejects (code invalid_event, the message names the field)',
    ),
    401: errorResponse('API_TOKEN set and the bearer token missing or wrong'),
  },
});
