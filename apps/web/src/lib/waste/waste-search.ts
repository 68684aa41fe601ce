/** The Waste page's URL state: `?model=<id>&variant=<name>&t=<threshold>`; bad values fall back. */

import { WASTE_VARIANTS } from '@graphlet/core';
import { z } from 'zod';
import { DEFAULT_VARIANT } from './waste-variants.ts';

export const wasteSearch = z.object({
  /** The model id; the newest model when absent. */
  model: z.string().min(1).optional().catch(undefined),
  variant: z.enum(WASTE_VARIANTS).catch(DEFAULT_VARIANT),
  /** The skip threshold in [0, 1]; the variant's default operating point when absent. */
  t: z
    .string()
    .regex(/^\s*[0-9.eE+-]+\s*$/)
    .transform(Number)
    .pipe(z.number().min(0).max(1))
    .optional()
    .catch(undefined),
});
export type WasteSearch = z.infer<typeof wasteSearch>;
