/**
 * The PROV-JSON document model (W3C member submission "PROV-JSON", 2013): containers (the
 * document and its bundles) of records keyed by kind, then by qualified id; a record may be an
 * array when one id is declared more than once. Qualified names expand through the prefixes in
 * scope (a bundle's over the document's).
 */
import type { JsonValue } from '@graphlet/core';

/** A record's attributes: `prov:activity`, `prov:time`, `ex:count`, ... */
export type ProvAttributes = Readonly<Record<string, JsonValue>>;

/** One container: the document's top level or a bundle. */
export interface ProvContainer {
  /** `default` for the document's top level, else the bundle's qualified id. */
  readonly name: string;
  readonly prefixes: Readonly<Record<string, string>>;
  /** Records by kind (`entity`, `used`, ...), then by id, declarations merged. */
  readonly records: ReadonlyMap<string, ReadonlyMap<string, ProvAttributes>>;
}

/** The top-level container name. */
export const DOCUMENT = 'default';

/** The containers of a parsed PROV-JSON document: the top level, then each bundle. */
export function provContainers(doc: Record<string, unknown>): ProvContainer[] {
  const top = container(DOCUMENT, doc, {});
  const bundles = isObject(doc.bundle) ? Object.entries(doc.bundle) : [];
  return [
    top,
    ...bundles.map(([name, body]) => container(name, isObject(body) ? body : {}, top.prefixes)),
  ];
}

function container(
  name: string,
  body: Record<string, unknown>,
  outer: Readonly<Record<string, string>>,
): ProvContainer {
  const prefixes: Record<string, string> = { ...outer };
  if (isObject(body.prefix)) {
    for (const [p, uri] of Object.entries(body.prefix))
      if (typeof uri === 'string') prefixes[p] = uri;
  }
  const records = new Map<string, Map<string, ProvAttributes>>();
  for (const [kind, value] of Object.entries(body)) {
    if (kind === 'prefix' || kind === 'bundle' || !isObject(value)) continue;
    const byId = new Map<string, ProvAttributes>();
    for (const [id, decl] of Object.entries(value)) {
      const decls = Array.isArray(decl) ? decl : [decl];
      const merged: Record<string, JsonValue> = {};
      for (const d of decls) if (isObject(d)) Object.assign(merged, d);
      byId.set(id, merged);
    }
    records.set(kind, byId);
  }
  return { name, prefixes, records };
}

/** The full URI of a qualified name (`ex:e1`, `e1` with a `default` prefix), or the name itself. */
export function expand(qname: string, prefixes: Readonly<Record<string, string>>): string {
  if (qname.startsWith('_:')) return qname;
  const colon = qname.indexOf(':');
  if (colon < 0) return prefixes.default === undefined ? qname : prefixes.default + qname;
  const uri = prefixes[qname.slice(0, colon)];
  return uri === undefined ? qname : uri + qname.slice(colon + 1);
}

/** A literal's value: a string, or the `$` of a typed or language-tagged literal; the first of a list. */
export function literal(value: JsonValue | undefined): string | undefined {
  if (Array.isArray(value)) return literal(value[0]);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isObject(value) && typeof value.$ === 'string') return value.$;
  return undefined;
}

/** Every literal of a value that may be a list. */
export function literals(value: JsonValue | undefined): string[] {
  if (Array.isArray(value))
    return value.map((v) => literal(v)).filter((v): v is string => v !== undefined);
  const one = literal(value);
  return one === undefined ? [] : [one];
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
