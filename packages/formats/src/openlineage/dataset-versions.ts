/**
 * Datasets become artifacts, one per version. A run's output starts a new version when its
 * version facet (`datasetVersion`) or schema facet differs from the current version's, and also
 * when the current version has already been read: a write after a read is new data, and reusing
 * the artifact would loop the provenance back on itself. Otherwise the output reuses the current
 * version (a job rewriting a table nobody read in between). Inputs read the current version, or
 * the version their version facet names.
 */
import type { JsonValue } from '@graphlet/core';
import type { RunDataset } from './merge-runs.ts';

/** One artifact: a version of a dataset. */
export interface DatasetVersion {
  /** Position in creation order, from 0. */
  readonly index: number;
  readonly namespace: string;
  readonly name: string;
  readonly version: string | undefined;
  readonly schemaKey: string | undefined;
  facets: Record<string, { readonly [key: string]: JsonValue }>;
  read: boolean;
}

/** The version a dataset mention declares, from its version facet. */
function declaredVersion(d: RunDataset): string | undefined {
  const v = d.facets.version?.datasetVersion;
  return typeof v === 'string' ? v : undefined;
}

/** A comparable form of the schema facet's fields (name and type), when present. */
function schemaKeyOf(d: RunDataset): string | undefined {
  const fields = d.facets.schema?.fields;
  if (!Array.isArray(fields)) return undefined;
  return JSON.stringify(
    fields.map((f) => {
      const o = (f ?? {}) as Record<string, JsonValue>;
      return [o.name ?? null, o.type ?? null];
    }),
  );
}

/** Tracks the versions of every dataset while runs are applied in time order. */
export class DatasetVersions {
  readonly all: DatasetVersion[] = [];
  private readonly current = new Map<string, DatasetVersion>();
  private readonly byVersion = new Map<string, DatasetVersion>();

  /** The version a run reads. */
  read(d: RunDataset): DatasetVersion {
    const key = `${d.namespace}\u0000${d.name}`;
    const version = declaredVersion(d);
    const schema = schemaKeyOf(d);
    let v =
      version === undefined ? this.current.get(key) : this.byVersion.get(`${key}\u0000${version}`);
    if (
      v === undefined ||
      (schema !== undefined && v.schemaKey !== undefined && schema !== v.schemaKey)
    ) {
      v = this.create(d, key, version, schema);
    }
    v.facets = { ...v.facets, ...d.facets };
    v.read = true;
    return v;
  }

  /** The version a run writes. */
  write(d: RunDataset): DatasetVersion {
    const key = `${d.namespace}\u0000${d.name}`;
    const version = declaredVersion(d);
    const schema = schemaKeyOf(d);
    const cur = this.current.get(key);
    const reuse =
      cur !== undefined &&
      !cur.read &&
      (version === undefined || version === cur.version) &&
      (schema === undefined || cur.schemaKey === undefined || schema === cur.schemaKey);
    const v = reuse ? cur : this.create(d, key, version, schema);
    v.facets = { ...v.facets, ...d.facets };
    return v;
  }

  private create(
    d: RunDataset,
    key: string,
    version: string | undefined,
    schemaKey: string | undefined,
  ): DatasetVersion {
    const v: DatasetVersion = {
      index: this.all.length,
      namespace: d.namespace,
      name: d.name,
      version,
      schemaKey,
      facets: {},
      read: false,
    };
    this.all.push(v);
    this.current.set(key, v);
    if (version !== undefined) this.byVersion.set(`${key}\u0000${version}`, v);
    return v;
  }
}
