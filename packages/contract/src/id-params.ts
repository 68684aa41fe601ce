/** The path parameters of a route that names one thing by its `{id}`. */
import { z } from 'zod';

/** `{ id }`: a non-empty string from the path, with an example for the OpenAPI page if given. */
export function idParamsSchema(example?: string) {
  const meta = example === undefined ? {} : { example };
  return z.object({
    id: z
      .string()
      .min(1)
      .meta({ param: { name: 'id', in: 'path' }, ...meta }),
  });
}
