/** The URL state of each page: zod schemas whose fields fall back to defaults on bad values. */
import { z } from 'zod';
import { NODE_ROLES, type NodeRole } from './roles.ts';

/** Columns of the corpus table. */
const TRACE_COLUMNS = [
  'pipeline',
  'source',
  'executions',
  'artifacts',
  'graphlets',
  'failedGraphlets',
  'pushedShare',
  'lifespan',
  'modelsPerDay',
  'compute',
] as const;
export type TraceColumn = (typeof TRACE_COLUMNS)[number];

export const corpusSearch = z.object({
  sort: z.enum(TRACE_COLUMNS).catch('pipeline'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  q: z.string().catch(''),
  source: z.string().catch(''),
});

const optionalText = z.string().min(1).optional().catch(undefined);
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)))
  .optional()
  .catch(undefined);

const roleList = z
  .string()
  .optional()
  .catch(undefined)
  .transform((text): NodeRole[] => {
    if (text === undefined || text === '') return [];
    const wanted = new Set(text.split(','));
    return NODE_ROLES.filter((role) => wanted.has(role));
  });

/** Hops of the lineage view when the URL gives none, and the most it accepts. */
const DEFAULT_HOPS = 2;
export const MAX_HOPS = 50;

export const traceSearch = z.object({
  /** Selected graphlet (its trainer id). */
  g: optionalText,
  /** Selected node id (side panel). */
  node: optionalText,
  /** Node search text. */
  q: z.string().catch(''),
  /** Roles to show; empty means all. */
  roles: roleList,
  /** Time window, inclusive days (UTC). */
  from: isoDay,
  to: isoDay,
  /** Show only the selected graphlet. */
  focus: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  view: z.enum(['graph', 'list']).catch('graph'),
  /** The node whose focused lineage view is shown (N hops up and down). */
  lineage: optionalText,
  /** Hops each way in the lineage view. */
  hops: z.coerce.number().int().min(0).max(MAX_HOPS).catch(DEFAULT_HOPS),
  /** Graphlets a waste model would skip, `<model>:<variant>:<threshold>` (lib/waste/skip-param.ts). */
  skip: optionalText,
});
export type TraceSearch = z.infer<typeof traceSearch>;
