/** Connections: connect a live MLMD store, list, remove, sync now. */
import {
  createConnectionRoute,
  deleteConnectionRoute,
  listConnectionsRoute,
  syncConnectionRoute,
} from '@graphlet/contract/routes';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';

/** The connection routes. */
export function connectionRoutes(services: Services) {
  const app = createRouter();
  const notFound = (id: string) =>
    apiError(404, 'not_found', `connections: no connection with id "${id}"`);

  app.openapi(listConnectionsRoute, async (c) =>
    c.json({ connections: await services.connections.list() }, 200),
  );

  app.openapi(createConnectionRoute, async (c) => {
    const created = await services.connections.create(c.req.valid('json'));
    return c.json(created, 202);
  });

  app.openapi(deleteConnectionRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await services.connections.remove(id))) throw notFound(id);
    return c.body(null, 204);
  });

  app.openapi(syncConnectionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const job = await services.connections.syncNow(id);
    if (job === undefined) throw notFound(id);
    return c.json({ job }, 202);
  });
  return app;
}
