/** Per-source role overrides: executions of a type, or of a task/job name, take a chosen role. */
import { ROLES } from '@graphlet/core';
import { z } from 'zod';

export const RoleOverrideSchema = z
  .object({
    /** What `value` names: an execution type (`AIRFLOW:TASK`) or a task/job name (`churn.train`). */
    field: z.enum(['type', 'name']),
    /** The exact type or name. */
    value: z.string().min(1),
    role: z.enum(ROLES),
  })
  .meta({ id: 'RoleOverride' });
export type RoleOverrideEntry = z.infer<typeof RoleOverrideSchema>;

/** One type or name found in a source's executions, with the role its executions now have. */
export const RoleSubjectSchema = z
  .object({
    field: z.enum(['type', 'name']),
    value: z.string(),
    /** Executions with this type or name. */
    executions: z.number().int(),
    /** Their role now (the override's when one applies; else the classifier's, or the stored one); null when they differ. */
    role: z.enum(ROLES).nullable(),
  })
  .meta({ id: 'RoleSubject' });
export type RoleSubject = z.infer<typeof RoleSubjectSchema>;

export const RoleOverridesSchema = z
  .object({
    overrides: z.array(RoleOverrideSchema),
    subjects: z.array(RoleSubjectSchema),
  })
  .meta({ id: 'RoleOverrides' });
export type RoleOverrides = z.infer<typeof RoleOverridesSchema>;

export const RoleOverridesBodySchema = z
  .object({ overrides: z.array(RoleOverrideSchema).max(500) })
  .strict()
  .meta({ id: 'RoleOverridesBody' });
export type RoleOverridesBody = z.infer<typeof RoleOverridesBodySchema>;

/** The answer to OpenLineage events received at `/api/v1/lineage`. */
export const LineageReceiptSchema = z
  .object({
    source: z.object({ id: z.string() }),
    /** Events accepted by this request. */
    received: z.number().int(),
    /** Traces of the live source after the events were applied. */
    traces: z.array(z.object({ id: z.string(), pipeline: z.string() })),
  })
  .meta({ id: 'LineageReceipt' });
export type LineageReceipt = z.infer<typeof LineageReceiptSchema>;
