/** Sub-app factory: an OpenAPIHono whose validation failures take the one error path (400). */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { apiError } from './api-error.ts';

/** A 400 bad_request naming every zod issue, with the issues as details. */
export function validationError(error: z.ZodError): HTTPException {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues
    .map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`))
    .join('; ');
  return apiError(400, 'bad_request', `request: ${summary}`, { issues });
}

/** A new sub-app; zod validation errors become 400 bad_request with the issues as details. */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}
