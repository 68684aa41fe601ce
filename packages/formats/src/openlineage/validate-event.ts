/**
 * Validates OpenLineage events against the bundled OpenLineage JSON Schema (core spec 2-0-2 and
 * the facets this reader relies on: parent, schema, version) with Ajv. Formats as clients write
 * them: `date-time` with an optional zone, `uuid`, `uri`; template placeholders pass `date-time`
 * and `uuid` and are handled by the reader. Events without `schemaURL` (clients before spec
 * 1-0-1, Marquez's own test events) are read as they were valid then.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { FormatError } from '../format-error.ts';
import { isTemplatePlaceholder, parseEventTime } from './event-time.ts';

const SCHEMA_DIR = new URL('../../schema/openlineage/', import.meta.url);
const CORE_ID = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';
/** Older core versions the facet schemas refer to; their facet definitions equal 2-0-2's. */
const CORE_ALIASES = [
  'https://openlineage.io/spec/1-0-1/OpenLineage.json',
  'https://openlineage.io/spec/1-0-2/OpenLineage.json',
];
/** The `schemaURL` assumed for an event that has none. */
export const LEGACY_SCHEMA_URL = 'https://openlineage.io/spec/1-0-0/OpenLineage.json';

interface Validators {
  readonly RunEvent: ValidateFunction;
  readonly DatasetEvent: ValidateFunction;
  readonly JobEvent: ValidateFunction;
  readonly parent: ValidateFunction;
  readonly schema: ValidateFunction;
  readonly version: ValidateFunction;
}

let validators: Validators | undefined;

function load(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8')) as Record<string, unknown>;
}

function compile(): Validators {
  const ajv = new Ajv2020({ allErrors: false, strict: false, validateFormats: true });
  addFormats.default(ajv, ['uri', 'uuid']);
  const uuid = ajv.formats.uuid as RegExp;
  ajv.addFormat('uuid', (s: string) => uuid.test(s) || isTemplatePlaceholder(s));
  ajv.addFormat(
    'date-time',
    (s: string) => parseEventTime(s) !== undefined || isTemplatePlaceholder(s),
  );
  const core = load('OpenLineage.json');
  ajv.addSchema(core);
  for (const id of CORE_ALIASES) ajv.addSchema({ ...core, $id: id });
  for (const facet of ['ParentRunFacet', 'SchemaDatasetFacet', 'DatasetVersionDatasetFacet']) {
    ajv.addSchema(load(`${facet}.json`));
  }
  const get = (ref: string) => ajv.getSchema(ref)!;
  return {
    RunEvent: get(`${CORE_ID}#/$defs/RunEvent`),
    DatasetEvent: get(`${CORE_ID}#/$defs/DatasetEvent`),
    JobEvent: get(`${CORE_ID}#/$defs/JobEvent`),
    parent: get('https://openlineage.io/spec/1-0-1/ParentRunFacet.json#/$defs/ParentRunFacet'),
    schema: get(
      'https://openlineage.io/spec/facets/1-0-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet',
    ),
    version: get(
      'https://openlineage.io/spec/facets/1-0-0/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet',
    ),
  };
}

/** The kind of an OpenLineage event, as the schema tells them apart. */
export type EventKind = 'RunEvent' | 'DatasetEvent' | 'JobEvent';

/**
 * Checks one parsed event; returns its kind or throws FormatError `invalid_event` naming the
 * field, e.g. `events[3].run.runId: must match format "uuid" (got "x")`.
 */
export function validateOpenLineageEvent(event: unknown, where: string, file: string): EventKind {
  validators ??= compile();
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new FormatError(
      'invalid_event',
      file,
      `${where}: an OpenLineage event must be a JSON object`,
    );
  }
  const e = event as Record<string, unknown>;
  const kind: EventKind =
    'run' in e || !('job' in e || 'dataset' in e)
      ? 'RunEvent'
      : 'dataset' in e
        ? 'DatasetEvent'
        : 'JobEvent';
  const checked = 'schemaURL' in e ? e : { ...e, schemaURL: LEGACY_SCHEMA_URL };
  check(validators[kind], checked, where, file);
  const facets = (e.run as { facets?: Record<string, unknown> } | undefined)?.facets;
  if (facets?.parent !== undefined)
    check(validators.parent, facets.parent, `${where}.run.facets.parent`, file);
  const datasets = [
    ...listAt(e, 'inputs').map((d, i) => [d, `${where}.inputs[${i}]`] as const),
    ...listAt(e, 'outputs').map((d, i) => [d, `${where}.outputs[${i}]`] as const),
    ...(kind === 'DatasetEvent' ? [[e.dataset, `${where}.dataset`] as const] : []),
  ];
  for (const [dataset, at] of datasets) {
    const f = (dataset as { facets?: Record<string, unknown> }).facets;
    if (f?.schema !== undefined) check(validators.schema, f.schema, `${at}.facets.schema`, file);
    if (f?.version !== undefined)
      check(validators.version, f.version, `${at}.facets.version`, file);
  }
  return kind;
}

function listAt(e: Record<string, unknown>, key: string): unknown[] {
  const value = e[key];
  return Array.isArray(value) ? value : [];
}

function check(validate: ValidateFunction, value: unknown, where: string, file: string): void {
  if (validate(value)) return;
  throw new FormatError('invalid_event', file, describe(validate.errors?.[0], value, where));
}

/** One sentence naming the field: `events[0].producer: required, but missing`. */
function describe(error: ErrorObject | undefined, value: unknown, where: string): string {
  if (error === undefined) return `${where}: not a valid OpenLineage event`;
  const steps = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = `${where}${steps.map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`)).join('')}`;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${path}.${missing}: required by the OpenLineage schema, but missing`;
  }
  if (error.keyword === 'not')
    return `${path}: has fields the OpenLineage schema forbids for this event kind`;
  let got = value;
  for (const s of steps) got = (got as Record<string, unknown> | undefined)?.[s];
  const shown =
    typeof got === 'string' ? ` (got "${got.length > 60 ? `${got.slice(0, 57)}...` : got}")` : '';
  return `${path}: ${error.message ?? 'is invalid'}${shown}`;
}
