/** fetch + bearer token + error shape + zod validation: the only place the app talks HTTP. */
import type { z } from 'zod';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { readToken, requireToken } from './token-store.ts';

/** Headers for every API request (the bearer token when one is stored). */
export function authHeaders(): Record<string, string> {
  const token = readToken();
  return token === null ? {} : { authorization: `Bearer ${token}` };
}

/** Requests `path` and validates the JSON answer with `schema`; throws ApiError otherwise. */
export async function requestJson<S extends z.ZodType>(
  path: string,
  schema: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...authHeaders(), ...init.headers },
  });
  const text = await response.text();
  if (!response.ok) {
    if (response.status === 401) requireToken();
    throw apiErrorFrom(response.status, text);
  }
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'bad_json', `The server sent invalid JSON for ${path}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` at ${issue.path.join('.') || '(root)'}`;
    throw new ApiError(
      response.status,
      'bad_response',
      `Unexpected answer from ${path}${where}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
