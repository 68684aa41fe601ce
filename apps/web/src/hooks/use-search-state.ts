/** URL search params as typed state: parsed with a zod schema, patched with defaults dropped. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { parseSearch, patchSearch } from '../lib/search-params.ts';

type Patch<T> = { readonly [K in keyof T]?: T[K] | undefined };

/** Reads the page's URL state with `schema` and returns a setter that patches it. */
export function useSearchState<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
): [z.infer<S>, (patch: Patch<z.infer<S>>, options?: { replace?: boolean }) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseSearch(schema, params), [schema, params]);
  const defaults = useMemo(() => parseSearch(schema, new URLSearchParams()), [schema]);
  const update = useCallback(
    (patch: Patch<z.infer<S>>, options?: { replace?: boolean }) => {
      setParams(
        (current) =>
          patchSearch(
            current,
            patch as Record<string, string | undefined>,
            defaults as Record<string, string | undefined>,
          ),
        { replace: options?.replace ?? false },
      );
    },
    [setParams, defaults],
  );
  return [state, update];
}
