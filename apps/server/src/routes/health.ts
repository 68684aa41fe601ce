/** GET /health. */
import { healthRoute } from '@graphlet/contract/routes';
import { createRouter } from '../http/router.ts';

/** The liveness route. */
export function healthRoutes() {
  return createRouter().openapi(healthRoute, (c) => c.json({ ok: true as const }, 200));
}
