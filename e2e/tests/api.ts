/** Small typed reads of the API for the e2e tests (the same answers the web app gets). */
import type { APIRequestContext } from '@playwright/test';

export interface TraceSummary {
  readonly id: string;
  readonly pipeline: string;
  readonly sourceName: string;
  readonly executions: number;
  readonly artifacts: number;
  readonly graphlets: number;
}

export interface GraphletDoc {
  readonly trainer: number;
  readonly index: number;
  readonly pushed: boolean;
}

/** GET `path` as JSON, failing the test on a non-2xx answer. */
export async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  if (!response.ok()) throw new Error(`${path}: ${response.status()}`);
  return (await response.json()) as T;
}

/** The demo corpus's traces (other tests upload more stores), largest first. */
export async function tracesBySize(request: APIRequestContext): Promise<TraceSummary[]> {
  const { traces } = await getJson<{ traces: TraceSummary[] }>(request, '/api/traces');
  return traces
    .filter((t) => t.sourceName === 'demo.sqlite')
    .sort((a, b) => b.executions + b.artifacts - (a.executions + a.artifacts));
}

/** A trace's graphlets in index order. */
export async function graphletsOf(
  request: APIRequestContext,
  traceId: string,
): Promise<GraphletDoc[]> {
  const path = `/api/traces/${encodeURIComponent(traceId)}/graphlets`;
  return (await getJson<{ graphlets: GraphletDoc[] }>(request, path)).graphlets;
}

/** Node ids of one graphlet's subgraph, sorted. */
export async function graphletNodeIds(
  request: APIRequestContext,
  traceId: string,
  trainer: number,
): Promise<string[]> {
  const path = `/api/traces/${encodeURIComponent(traceId)}/graphlets/${trainer}`;
  const detail = await getJson<{ nodes: { id: string }[] }>(request, path);
  return detail.nodes.map((n) => n.id).sort();
}
