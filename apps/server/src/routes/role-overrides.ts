/** Per-source role overrides: read them with the types and names they can name; replace them (re-segments). */
import { getRoleOverridesRoute, putRoleOverridesRoute } from '@graphlet/contract/routes';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import { roleSubjects, setRoleOverrides } from '../roles/resegment-source.ts';
import type { Services } from '../services.ts';

/** The role override routes. */
export function roleOverrideRoutes(services: Services) {
  const app = createRouter();
  const exists = async (id: string) => {
    if (!(await services.store.hasSource(id)))
      throw apiError(404, 'not_found', `sources: no source with id "${id}"`);
  };
  const answer = async (id: string) => ({
    overrides: await services.store.listRoleOverrides(id),
    subjects: await roleSubjects(services.store, id),
  });
  app.openapi(getRoleOverridesRoute, async (c) => {
    const { id } = c.req.valid('param');
    await exists(id);
    return c.json(await answer(id), 200);
  });
  app.openapi(putRoleOverridesRoute, async (c) => {
    const { id } = c.req.valid('param');
    await exists(id);
    await setRoleOverrides(services.store, id, c.req.valid('json').overrides);
    services.cache.invalidateCorpus();
    return c.json(await answer(id), 200);
  });
  return app;
}
