/** Route definitions (OpenAPI) of graphlets.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { GraphletDetailSchema, GraphletListSchema, GraphletParamsSchema } from './graphlets.ts';
import { jsonResponse } from './json-content.ts';
import { TraceIdParamsSchema } from './traces.ts';

export const listGraphletsRoute = createRoute({
  method: 'get',
  path: '/traces/{id}/graphlets',
  tags: ['graphlets'],
  summary: "A trace's graphlets with their metrics, in index order",
  request: { params: TraceIdParamsSchema },
  responses: {
    200: jsonResponse('The graphlets', GraphletListSchema),
    404: errorResponse('No such trace'),
  },
});

export const getGraphletRoute = createRoute({
  method: 'get',
  path: '/traces/{id}/graphlets/{trainer}',
  tags: ['graphlets'],
  summary: 'One graphlet as a subgraph with metrics and its neighbours',
  request: { params: GraphletParamsSchema },
  responses: {
    200: jsonResponse('The graphlet', GraphletDetailSchema),
    400: errorResponse('Trainer id is not a number'),
    404: errorResponse('No such trace or graphlet'),
  },
});
