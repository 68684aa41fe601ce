/** Parses URL search params with a zod object schema (bad values fall back to defaults) and writes them back. */
import type { z } from 'zod';

type Raw = Record<string, string>;

/** The search params as a plain object (the last value wins for repeated keys). */
function searchToObject(params: URLSearchParams): Raw {
  const out: Raw = {};
  for (const [key, value] of params) out[key] = value;
  return out;
}

/** Parses `params` with `schema`; every field of the schema must `.catch()` its own bad values. */
export function parseSearch<S extends z.ZodType>(schema: S, params: URLSearchParams): z.infer<S> {
  const parsed = schema.safeParse(searchToObject(params));
  if (parsed.success) return parsed.data;
  // Only reachable when a field lacks .catch(); parse nothing rather than crash the page.
  return schema.parse({});
}

type Value = string | number | boolean | readonly string[] | undefined | null;

/** Writes `patch` over `params`: empty values and values equal to `defaults` are removed. */
export function patchSearch(
  params: URLSearchParams,
  patch: Readonly<Record<string, Value>>,
  defaults: Readonly<Record<string, Value>> = {},
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    const text = encodeValue(value);
    if (text === '' || text === encodeValue(defaults[key])) next.delete(key);
    else next.set(key, text);
  }
  return next;
}

function encodeValue(value: Value): string {
  if (value === undefined || value === null || value === false) return '';
  if (value === true) return '1';
  if (typeof value === 'object') return value.join(',');
  return String(value);
}
