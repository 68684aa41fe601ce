/** The figures page's URL state: `?traces=ID,ID` (empty: the whole corpus). */
import { z } from 'zod';

export const figuresSearch = z.object({
  /** Selected trace ids, sorted and unique; empty means every trace. */
  traces: z
    .string()
    .optional()
    .catch(undefined)
    .transform((text): string[] =>
      text === undefined || text === ''
        ? []
        : [...new Set(text.split(',').filter((id) => id !== ''))].sort(),
    ),
});

/** The selection restricted to traces that exist (a deleted trace in an old link is dropped). */
export function knownTraces(
  selected: readonly string[],
  existing: ReadonlySet<string> | null,
): string[] {
  if (existing === null) return [...selected];
  return selected.filter((id) => existing.has(id));
}
