/**
 * Reads PROV-JSON into traces: activities become executions, entities artifacts, `used` and
 * `wasGeneratedBy` input and output events (`prov:role` their key, `prov:time` their time). A
 * `wasDerivedFrom` names its activity, or gets a synthetic execution of type `prov:Derivation`
 * marked `synthetic: true`. Each bundle is a pipeline, the document's top level `default`.
 * Nodes keep one id across bundles (by expanded URI). Agents, influence, invalidation,
 * specialization and membership are not read. Times without a zone are UTC.
 */
import {
  type Artifact,
  artifactId,
  type Execution,
  executionId,
  type JsonValue,
  type Properties,
  type RoleOverride,
  roleClassifier,
  type Trace,
  type TraceEvent,
} from '@graphlet/core';
import { FormatError } from '../format-error.ts';
import { parseJson } from '../json-text.ts';
import { parseEventTime } from '../openlineage/event-time.ts';
import {
  expand,
  literal,
  literals,
  type ProvAttributes,
  type ProvContainer,
  provContainers,
} from './prov-document.ts';

/** The type of the synthetic execution of a derivation without an activity. */
export const DERIVATION_TYPE = 'prov:Derivation';

/** Attributes the reader maps to model fields rather than properties. */
const MAPPED = new Set(['prov:type', 'prov:label', 'prov:startTime', 'prov:endTime']);

interface Node {
  readonly uri: string;
  readonly qname: string;
  readonly attributes: Record<string, JsonValue>;
  id: number;
}

/** Traces of a PROV-JSON document and what was skipped. */
export interface ProvRead {
  readonly traces: Trace[];
  readonly warnings: string[];
}

/** Reads PROV-JSON text; `file` names it in errors. */
export function parseProvJson(
  text: string,
  file: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): ProvRead {
  const doc = parseJson(text, file);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new FormatError('invalid_trace', file, 'a PROV-JSON document must be a JSON object');
  }
  const classify = roleClassifier(options.roleOverrides);
  const activities = new Map<string, Node>();
  const entities = new Map<string, Node>();
  const containers = provContainers(doc as Record<string, unknown>);
  const bundleUris = new Set(
    containers.slice(1).map((c) => expand(c.name, containers[0]!.prefixes)),
  );
  const traces: Trace[] = [];
  const warnings: string[] = [];
  let nextExecution = 1;
  let nextArtifact = 1;
  const node = (
    table: Map<string, Node>,
    c: ProvContainer,
    qname: string,
    attrs?: ProvAttributes,
  ): Node => {
    const uri = expand(qname, c.prefixes);
    let n = table.get(uri);
    if (n === undefined) {
      n = { uri, qname, attributes: {}, id: 0 };
      table.set(uri, n);
    }
    if (attrs !== undefined) Object.assign(n.attributes, attrs);
    return n;
  };
  for (const c of containers) {
    const used = new Set<Node>();
    const execs = new Set<Node>();
    const events: { x: Node; a: Node; kind: 'input' | 'output'; key?: string; timeMs?: number }[] =
      [];
    for (const [id, attrs] of c.records.get('activity') ?? [])
      execs.add(node(activities, c, id, attrs));
    for (const [id, attrs] of c.records.get('entity') ?? []) {
      const e = node(entities, c, id, attrs);
      // The top level may describe the bundles themselves; those are not data.
      const bundle =
        bundleUris.has(e.uri) || literals(e.attributes['prov:type']).includes('prov:Bundle');
      if (!(c.name === 'default' && bundle)) used.add(e);
    }
    const relation = (kind: string, from: string, to: string, direction: 'input' | 'output') => {
      for (const [rid, attrs] of c.records.get(kind) ?? []) {
        const activity = literal(attrs[from]);
        const entity = literal(attrs[to]);
        if (activity === undefined || entity === undefined) {
          throw new FormatError(
            'invalid_trace',
            file,
            `${c.name}: ${kind} ${rid} needs ${from} and ${to}`,
          );
        }
        const x = node(activities, c, activity);
        const a = node(entities, c, entity);
        execs.add(x);
        used.add(a);
        events.push({
          x,
          a,
          kind: direction,
          key: literal(attrs['prov:role']),
          timeMs: time(attrs['prov:time']),
        });
      }
    };
    // wasStartedBy / wasEndedBy carry the times of activities that record none themselves (CWLProv).
    for (const [kind, attr] of [
      ['wasStartedBy', 'prov:startTime'],
      ['wasEndedBy', 'prov:endTime'],
    ] as const) {
      for (const [, attrs] of c.records.get(kind) ?? []) {
        const activity = literal(attrs['prov:activity']);
        const at = attrs['prov:time'];
        if (activity === undefined || at === undefined) continue;
        const x = node(activities, c, activity);
        if (x.attributes[attr] === undefined) x.attributes[attr] = at;
      }
    }
    relation('used', 'prov:activity', 'prov:entity', 'input');
    relation('wasGeneratedBy', 'prov:activity', 'prov:entity', 'output');
    for (const [rid, attrs] of c.records.get('wasDerivedFrom') ?? []) {
      const generated = literal(attrs['prov:generatedEntity']);
      const source = literal(attrs['prov:usedEntity']);
      if (generated === undefined || source === undefined) {
        throw new FormatError(
          'invalid_trace',
          file,
          `${c.name}: wasDerivedFrom ${rid} needs prov:generatedEntity and prov:usedEntity`,
        );
      }
      const g = node(entities, c, generated);
      const s = node(entities, c, source);
      used.add(g);
      used.add(s);
      const activity = literal(attrs['prov:activity']);
      const x =
        activity === undefined
          ? node(activities, c, rid.startsWith('_:') ? `_:derivation-${c.name}-${rid}` : rid, {
              'prov:type': DERIVATION_TYPE,
              ...attrs,
              synthetic: true,
            })
          : node(activities, c, activity);
      execs.add(x);
      events.push({ x, a: s, kind: 'input' }, { x, a: g, kind: 'output' });
    }
    if (execs.size === 0) {
      if (used.size > 0)
        warnings.push(`${c.name}: ${used.size} entities but no activity; not a pipeline`);
      continue;
    }
    for (const n of execs) if (n.id === 0) n.id = nextExecution++;
    for (const n of used) if (n.id === 0) n.id = nextArtifact++;
    traces.push(toTrace(c.name, execs, used, events, classify));
  }
  return { traces, warnings };
}

function time(value: JsonValue | undefined): number | undefined {
  const s = literal(value);
  return s === undefined ? undefined : parseEventTime(s);
}

function split(attrs: Record<string, JsonValue>): {
  properties: Properties;
  customProperties: Properties;
} {
  const customProperties: Properties = {};
  for (const [k, v] of Object.entries(attrs))
    if (!MAPPED.has(k) && k !== 'synthetic') customProperties[k] = v;
  const properties: Properties = attrs.synthetic === true ? { synthetic: true } : {};
  return { properties, customProperties };
}

function toTrace(
  pipeline: string,
  execs: ReadonlySet<Node>,
  used: ReadonlySet<Node>,
  raw: readonly { x: Node; a: Node; kind: 'input' | 'output'; key?: string; timeMs?: number }[],
  classify: ReturnType<typeof roleClassifier>,
): Trace {
  const executions: Execution[] = [...execs]
    .sort((a, b) => a.id - b.id)
    .map((n) => {
      const a = n.attributes;
      const type = literal(a['prov:type']) ?? 'prov:Activity';
      const name = literal(a['prov:label']) ?? n.qname;
      const { properties, customProperties } = split(a);
      const endMs = time(a['prov:endTime']);
      return {
        id: executionId(n.id),
        type,
        name,
        role: classify({ type, name, customProperties }),
        state: endMs === undefined ? 'unknown' : 'complete',
        startMs: time(a['prov:startTime']),
        endMs,
        properties: { ...properties, id: n.qname },
        customProperties,
      };
    });
  const artifacts: Artifact[] = [...used]
    .sort((a, b) => a.id - b.id)
    .map((n) => {
      const { properties, customProperties } = split(n.attributes);
      const types = literals(n.attributes['prov:type']);
      return {
        id: artifactId(n.id),
        type: types[0] ?? 'prov:Entity',
        name: literal(n.attributes['prov:label']) ?? n.qname,
        state: 'unknown',
        properties: { ...properties, id: n.qname },
        customProperties,
      };
    });
  const seen = new Set<string>();
  const events: TraceEvent[] = [];
  for (const e of raw) {
    const k = `${e.x.id}:${e.a.id}:${e.kind}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const event: TraceEvent = {
      execution: executionId(e.x.id),
      artifact: artifactId(e.a.id),
      kind: e.kind,
      type: e.kind === 'input' ? 'INPUT' : 'OUTPUT',
      ...(e.key === undefined ? {} : { key: e.key }),
      ...(e.timeMs === undefined ? {} : { timeMs: e.timeMs }),
    };
    events.push(event);
  }
  return { pipeline, executions, artifacts, events };
}
