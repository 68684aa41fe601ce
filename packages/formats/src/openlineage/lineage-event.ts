/** The parts of a validated OpenLineage event this reader uses (the schema checked their shape). */
import type { JsonValue } from '@graphlet/core';

/** Facets by name; each a JSON object. */
export type Facets = Readonly<Record<string, { readonly [key: string]: JsonValue }>>;

/** A dataset as a run event names it. */
export interface LineageDataset {
  readonly namespace: string;
  readonly name: string;
  readonly facets?: Facets;
}

/** An OpenLineage run event. */
export interface RunEvent {
  readonly eventType?: 'START' | 'RUNNING' | 'COMPLETE' | 'ABORT' | 'FAIL' | 'OTHER';
  readonly eventTime: string;
  readonly producer: string;
  readonly schemaURL?: string;
  readonly run: { readonly runId: string; readonly facets?: Facets };
  readonly job: { readonly namespace: string; readonly name: string; readonly facets?: Facets };
  readonly inputs?: readonly LineageDataset[];
  readonly outputs?: readonly LineageDataset[];
}

/** The parent facet (ParentRunFacet; `root` is in its version 1-1-0). */
export interface ParentFacet {
  readonly run: { readonly runId: string };
  readonly job: { readonly namespace: string; readonly name: string };
  readonly root?: {
    readonly run: { readonly runId: string };
    readonly job: { readonly namespace: string; readonly name: string };
  };
}
