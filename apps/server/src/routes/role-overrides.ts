/** Per-source role overrides: read them with the types and names they can name; replace them (re-segments). */
import { getRoleOverridesRoute, putRoleOverridesRoute } from '@graphlet/contract/routes';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import { roleSubjects, setRoleOverrides } from '../roles/resegment-source.ts';
import type { Services } from '../services.ts';
import { listRoleOverrides } from '../store/role-override-rows.ts';
import { statement } from '../store/statement.ts';

/** The role override routes. */
export function roleOverrideRoutes(services: Services) {
  const app = createRouter();
  const exists = (id: string) => {
    if (statement(services.db, 'SELECT 1 FROM sources WHERE id = ?').get(id) === undefined)
      throw apiError(404, 'not_found', `sources: no source with id "${id}"`);
  };
  const answer = (id: string) => ({
    overrides: listRoleOverrides(services.db, id),
    subjects: roleSubjects(services.db, id),
  });
  app.openapi(getRoleOverridesRoute, (c) => {
    const { id } = c.req.valid('param');
    exists(id);
    return c.json(answer(id), 200);
  });
  app.openapi(putRoleOverridesRoute, (c) => {
    const { id } = c.req.valid('param');
    exists(id);
    setRoleOverrides(services.db, id, c.req.valid('json').overrides);
    services.cache.invalidateCorpus();
    return c.json(answer(id), 200);
  });
  return app;
}
