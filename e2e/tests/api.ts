/** Small typed reads of the API for the e2e tests (the same answers the web app gets). */
import { type APIRequestContext, expect } from '@playwright/test';

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

/** Waits until the server lists a trace (the demo corpus imports on a fresh server's start). */
export async function waitForCorpus(request: APIRequestContext): Promise<void> {
  await expect
    .poll(
      async () => (await getJson<{ traces: unknown[] }>(request, '/api/traces')).traces.length,
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
}

/**
 * Trains a waste model through the API (8 trees, the four main variants, unless `data` says
 * otherwise) for the calling test alone, and resolves to its id once its job is done.
 */
export async function trainWasteModel(
  request: APIRequestContext,
  data: Record<string, unknown> = {},
): Promise<string> {
  await waitForCorpus(request);
  const response = await request.post('/api/waste/train', { data: { trees: 8, ...data } });
  expect(response.status()).toBe(202);
  const { job } = (await response.json()) as { job: { id: string } };
  const path = `/api/jobs/${job.id}`;
  await expect
    .poll(async () => (await getJson<{ state: string }>(request, path)).state, {
      timeout: 120_000,
    })
    .toBe('done');
  return (await getJson<{ result: { model: { id: string } } }>(request, path)).result.model.id;
}
