/**
 * The project's JSON trace format: `{ format: "graphlet-explorer/trace", version: 1, traces }`
 * holding whole traces losslessly (the core model as JSON; absent optional fields are omitted).
 * Validated on read by a zod schema, then checked for duplicate ids and dangling events.
 */
import {
  ARTIFACT_STATES,
  EVENT_TYPES,
  EXECUTION_STATES,
  overrideRoles,
  ROLES,
  type RoleOverride,
  type Trace,
} from '@graphlet/core';
import { z } from 'zod';
import { FormatError } from './format-error.ts';
import { parseJson, readTextFile } from './json-text.ts';

/** The `format` tag of a trace document. */
export const TRACE_FORMAT = 'graphlet-explorer/trace';
/** The version of the format this module reads and writes. */
export const TRACE_FORMAT_VERSION = 1;

// A private registry: ids in zod's global one would clash with other packages' schemas.
const registry = z.registry<{ id?: string; title?: string; description?: string }>();

const jsonValue = z.json().register(registry, {
  id: 'PropertyValue',
  description:
    'Any JSON value. A value the importer could not decode is {"$undecoded": raw, "reason": why}.',
});
const properties = z.record(z.string(), jsonValue);
const id = z.int().min(0);
const ms = z.number().register(registry, { description: 'Milliseconds since the Unix epoch.' });

const execution = z
  .strictObject({
    id,
    type: z.string().register(registry, {
      description: 'Full type name, e.g. tfx.components.trainer.component.Trainer.',
    }),
    name: z.string().optional(),
    node: z.string().optional().register(registry, {
      description: "The pipeline node it ran as (MLMD's node context), e.g. taxi.Trainer.",
    }),
    role: z.enum(ROLES),
    state: z.enum(EXECUTION_STATES),
    startMs: ms.optional(),
    endMs: ms.optional(),
    properties,
    customProperties: properties,
  })
  .register(registry, { id: 'Execution', description: 'One run of an operator.' });

const artifact = z
  .strictObject({
    id,
    type: z.string(),
    name: z.string().optional(),
    uri: z.string().optional(),
    state: z.enum(ARTIFACT_STATES),
    createdMs: ms.optional(),
    properties,
    customProperties: properties,
  })
  .register(registry, {
    id: 'Artifact',
    description: 'One data object read or written by executions.',
  });

const event = z
  .strictObject({
    execution: id,
    artifact: id,
    kind: z.enum(['input', 'output']),
    type: z.enum(EVENT_TYPES).register(registry, { description: 'The MLMD event type.' }),
    key: z
      .string()
      .optional()
      .register(registry, { description: 'The event key, e.g. examples or base_model.' }),
    index: z.int().optional(),
    timeMs: ms.optional(),
  })
  .register(registry, {
    id: 'Event',
    description: 'An input or output link between an execution and an artifact.',
  });

const trace = z
  .strictObject({
    pipeline: z.string(),
    executions: z.array(execution),
    artifacts: z.array(artifact),
    events: z.array(event),
  })
  .register(registry, { id: 'Trace', description: "One pipeline's history." });

/** The zod schema of a trace document. */
export const traceDocumentSchema = z
  .strictObject({
    format: z.literal(TRACE_FORMAT),
    version: z.literal(TRACE_FORMAT_VERSION),
    traces: z.array(trace),
  })
  .register(registry, {
    title: 'Graphlet Explorer trace document',
    description:
      'Whole pipeline traces (executions, artifacts, events), as Graphlet Explorer models them.',
  });

/** The JSON Schema of a trace document (committed as packages/formats/schema/trace.schema.json). */
export function traceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(traceDocumentSchema, {
    target: 'draft-2020-12',
    metadata: registry,
  }) as Record<string, unknown>;
}

/** Serializes traces as a trace document (compact unless `pretty`), ending with a newline. */
export function stringifyTraceDocument(
  traces: readonly Trace[],
  options: { pretty?: boolean } = {},
): string {
  const document = { format: TRACE_FORMAT, version: TRACE_FORMAT_VERSION, traces };
  return `${JSON.stringify(document, null, options.pretty === true ? 2 : undefined)}\n`;
}

/** Parses and validates a trace document's text; `file` names it in errors. */
export function parseTraceDocument(
  text: string,
  file: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): Trace[] {
  const raw = parseJson(text, file);
  const parsed = traceDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FormatError(
      'invalid_trace',
      file,
      `not a valid trace document at ${pathText(issue.path)}: ${issue.message}`,
    );
  }
  // The schema has no transforms, so the validated input is the result; zod's copy would drop
  // `__proto__` keys of property values. Ids are branded numbers, a brand without runtime form.
  const traces = (raw as { traces: unknown }).traces as Trace[];
  traces.forEach((t, i) => {
    checkReferences(t, i, file);
  });
  return options.roleOverrides === undefined || options.roleOverrides.length === 0
    ? traces
    : traces.map((t) => overrideRoles(t, options.roleOverrides!));
}

/** Reads a trace document file. */
export function readTraceDocument(
  path: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): Trace[] {
  return parseTraceDocument(readTextFile(path), path, options);
}

function checkReferences(t: Trace, index: number, file: string): void {
  const fail = (where: string, problem: string) => {
    throw new FormatError(
      'invalid_trace',
      file,
      `not a valid trace document at traces[${index}].${where}: ${problem}`,
    );
  };
  const executions = new Set<number>();
  t.executions.forEach((e, i) => {
    if (executions.has(e.id)) fail(`executions[${i}].id`, `execution id ${e.id} repeats`);
    executions.add(e.id);
  });
  const artifacts = new Set<number>();
  t.artifacts.forEach((a, i) => {
    if (artifacts.has(a.id)) fail(`artifacts[${i}].id`, `artifact id ${a.id} repeats`);
    artifacts.add(a.id);
  });
  t.events.forEach((e, i) => {
    if (!executions.has(e.execution))
      fail(`events[${i}].execution`, `no execution ${e.execution} in this trace`);
    if (!artifacts.has(e.artifact))
      fail(`events[${i}].artifact`, `no artifact ${e.artifact} in this trace`);
    const inputType =
      e.type === 'INPUT' || e.type === 'DECLARED_INPUT' || e.type === 'INTERNAL_INPUT';
    if (e.type !== 'UNKNOWN' && inputType !== (e.kind === 'input')) {
      fail(`events[${i}].kind`, `kind ${e.kind} contradicts event type ${e.type}`);
    }
  });
}

function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
