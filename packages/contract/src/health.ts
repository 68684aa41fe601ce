/** Liveness: always open, even when a token is configured. */
import { z } from 'zod';

export const HealthSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Health' });
