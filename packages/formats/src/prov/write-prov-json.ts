/**
 * Writes traces as a PROV-JSON document, the inverse of read-prov-json.ts for what PROV says:
 * executions as activities (type, label, start and end time), artifacts as entities, input and
 * output events as `used` and `wasGeneratedBy` (key as `prov:role`, time as `prov:time`), custom
 * properties as attributes. The `default` trace is the top level, every other trace a bundle.
 */
import type { JsonValue, Trace } from '@graphlet/core';
import { formatEventTime } from '../openlineage/event-time.ts';
import { DOCUMENT } from './prov-document.ts';

type Json = { [key: string]: JsonValue };

/** The graphlet namespace for ids of nodes that recorded none. */
export const GRAPHLET_PREFIX = { g: 'urn:graphlet-explorer:' } as const;

/** The traces as one PROV-JSON document (pretty-printed). */
export function stringifyProvJson(traces: readonly Trace[]): string {
  const doc: Json = { prefix: { ...GRAPHLET_PREFIX } };
  const bundles: Json = {};
  for (const t of traces) {
    const body = containerOf(t);
    if (t.pipeline === DOCUMENT) Object.assign(doc, body);
    else bundles[t.pipeline] = body;
  }
  if (Object.keys(bundles).length > 0) doc.bundle = bundles;
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function idOf(
  node: { readonly id: number; readonly properties: Readonly<Record<string, unknown>> },
  kind: string,
): string {
  return typeof node.properties.id === 'string' ? node.properties.id : `g:${kind}${node.id}`;
}

function containerOf(t: Trace): Json {
  const activity: Json = {};
  const execIds = new Map<number, string>();
  for (const x of t.executions) {
    const id = idOf(x, 'execution');
    execIds.set(x.id, id);
    const a: Json = { 'prov:type': x.type };
    if (x.name !== undefined) a['prov:label'] = x.name;
    if (x.startMs !== undefined) a['prov:startTime'] = formatEventTime(x.startMs);
    if (x.endMs !== undefined) a['prov:endTime'] = formatEventTime(x.endMs);
    Object.assign(a, x.customProperties);
    activity[id] = a;
  }
  const entity: Json = {};
  const artIds = new Map<number, string>();
  for (const n of t.artifacts) {
    const id = idOf(n, 'artifact');
    artIds.set(n.id, id);
    const e: Json = { 'prov:type': n.type };
    if (n.name !== undefined) e['prov:label'] = n.name;
    Object.assign(e, n.customProperties);
    entity[id] = e;
  }
  const used: Json = {};
  const generated: Json = {};
  t.events.forEach((e, i) => {
    const r: Json = {
      'prov:activity': execIds.get(e.execution)!,
      'prov:entity': artIds.get(e.artifact)!,
    };
    if (e.key !== undefined) r['prov:role'] = e.key;
    if (e.timeMs !== undefined) r['prov:time'] = formatEventTime(e.timeMs);
    if (e.kind === 'input') used[`_:u${i}`] = r;
    else generated[`_:g${i}`] = r;
  });
  return { activity, entity, used, wasGeneratedBy: generated };
}
