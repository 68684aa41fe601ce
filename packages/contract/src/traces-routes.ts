/** Route definitions (OpenAPI) of traces.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { jsonResponse } from './json-content.ts';
import {
  NodeDetailSchema,
  NodeParamsSchema,
  TraceGraphSchema,
  TraceIdParamsSchema,
  TraceListQuerySchema,
  TraceListSchema,
} from './traces.ts';

export const listTracesRoute = createRoute({
  method: 'get',
  path: '/traces',
  tags: ['traces'],
  summary: 'Trace summaries, filtered and sorted',
  request: { query: TraceListQuerySchema },
  responses: {
    200: jsonResponse('The traces', TraceListSchema),
    400: errorResponse('Unknown sort field or order'),
  },
});

export const getTraceRoute = createRoute({
  method: 'get',
  path: '/traces/{id}',
  tags: ['traces'],
  summary: 'One trace as laid-out nodes and edges with graphlet membership',
  request: { params: TraceIdParamsSchema },
  responses: {
    200: jsonResponse('The graph', TraceGraphSchema),
    404: errorResponse('No such trace'),
  },
});

export const getNodeRoute = createRoute({
  method: 'get',
  path: '/traces/{id}/nodes/{nodeId}',
  tags: ['traces'],
  summary: 'One node with all its properties, inputs, outputs and graphlets',
  request: { params: NodeParamsSchema },
  responses: {
    200: jsonResponse('The node', NodeDetailSchema),
    400: errorResponse('Malformed node id'),
    404: errorResponse('No such trace or node'),
  },
});
