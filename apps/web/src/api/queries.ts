/** queryOptions() factories and mutations for every API resource the pages read. */
import {
  type QueryClient,
  queryOptions,
  experimental_streamedQuery as streamedQuery,
} from '@tanstack/react-query';
import { z } from 'zod';
import { requestJson } from './http.ts';
import { isFinished, jobEvents } from './job-events.ts';
import { queryKeys } from './query-keys.ts';
import {
  type CreateConnection,
  connectionCreated,
  connectionList,
  graphletDetail,
  graphletList,
  type Job,
  jobAccepted,
  nodeDetail,
  type RoleOverrideEntry,
  roleOverrides,
  searchResult,
  serverStatus,
  sourceList,
  traceGraph,
  traceList,
  wasteModel,
  wasteModelList,
  wasteOperatingPoint,
} from './schemas.ts';

const enc = encodeURIComponent;

/** The imported sources. */
export const sourcesQuery = () =>
  queryOptions({
    queryKey: queryKeys.sources(),
    queryFn: ({ signal }) => requestJson('/api/sources', sourceList, { signal }),
  });

/** The connected live stores with their sync state. */
export const connectionsQuery = () =>
  queryOptions({
    queryKey: queryKeys.connections(),
    queryFn: ({ signal }) => requestJson('/api/connections', connectionList, { signal }),
  });

/** Connects a store; the server probes it first (422 naming why it cannot be read). */
export function createConnection(body: CreateConnection) {
  return requestJson('/api/connections', connectionCreated, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Starts a sync of a connection now (or answers the running one). */
export function syncConnection(connectionId: string) {
  return requestJson(`/api/connections/${enc(connectionId)}/sync`, jobAccepted, {
    method: 'POST',
  });
}

/** Removes a connection with its source and traces. */
export function deleteConnection(connectionId: string): Promise<unknown> {
  return requestJson(`/api/connections/${enc(connectionId)}`, z.unknown(), { method: 'DELETE' });
}

/** A source's role overrides and the execution types and names they can name. */
export const roleOverridesQuery = (sourceId: string) =>
  queryOptions({
    queryKey: queryKeys.roleOverrides(sourceId),
    queryFn: ({ signal }) =>
      requestJson(`/api/sources/${enc(sourceId)}/role-overrides`, roleOverrides, { signal }),
  });

/** Replaces a source's role overrides; the server re-segments its traces. */
export function putRoleOverrides(sourceId: string, overrides: readonly RoleOverrideEntry[]) {
  return requestJson(`/api/sources/${enc(sourceId)}/role-overrides`, roleOverrides, {
    method: 'PUT',
    body: JSON.stringify({ overrides }),
    headers: { 'content-type': 'application/json' },
  });
}

/** Every trace with its summary. */
export const tracesQuery = () =>
  queryOptions({
    queryKey: queryKeys.traces(),
    queryFn: ({ signal }) => requestJson('/api/traces', traceList, { signal }),
  });

/** Pipelines, executions and artifacts of every trace matching `text` (3+ characters). */
export const searchQuery = (text: string) =>
  queryOptions({
    queryKey: queryKeys.search(text),
    queryFn: ({ signal }) =>
      requestJson(`/api/search?q=${enc(text)}&limit=20`, searchResult, { signal }),
    enabled: text.trim().length >= 3,
    staleTime: 30_000,
  });

/** One trace as nodes and edges with the server's layout. */
export const traceQuery = (traceId: string) =>
  queryOptions({
    queryKey: queryKeys.trace(traceId),
    queryFn: ({ signal }) => requestJson(`/api/traces/${enc(traceId)}`, traceGraph, { signal }),
    staleTime: 5 * 60_000,
  });

/** A trace's graphlets with their metrics. */
export const traceGraphletsQuery = (traceId: string) =>
  queryOptions({
    queryKey: queryKeys.traceGraphlets(traceId),
    queryFn: ({ signal }) =>
      requestJson(`/api/traces/${enc(traceId)}/graphlets`, graphletList, { signal }),
    staleTime: 5 * 60_000,
  });

/** One graphlet as a subgraph with metrics, features and neighbours. */
export const graphletQuery = (traceId: string, trainer: string) =>
  queryOptions({
    queryKey: queryKeys.graphlet(traceId, trainer),
    queryFn: ({ signal }) =>
      requestJson(`/api/traces/${enc(traceId)}/graphlets/${enc(trainer)}`, graphletDetail, {
        signal,
      }),
    staleTime: 5 * 60_000,
  });

/** One node with its properties, inputs, outputs and graphlets. */
export const nodeQuery = (traceId: string, nodeId: string) =>
  queryOptions({
    queryKey: queryKeys.node(traceId, nodeId),
    queryFn: ({ signal }) =>
      requestJson(`/api/traces/${enc(traceId)}/nodes/${enc(nodeId)}`, nodeDetail, { signal }),
    staleTime: 5 * 60_000,
  });

/**
 * A background job's latest document, fed by its event stream until the job is done or failed
 * (null until the first event). Fetching it resolves with the last document; it never refetches
 * on its own, and the stream stops when the last component watching it goes.
 */
export const jobQuery = (jobId: string) =>
  queryOptions({
    queryKey: queryKeys.job(jobId),
    queryFn: streamedQuery<Job, Job | null, ReturnType<typeof queryKeys.job>>({
      streamFn: ({ signal }) => jobEvents(jobId, signal),
      reducer: (_previous, job) => job,
      initialValue: null,
    }),
    // A finished job never changes; an unfinished one (a stream that was stopped) is read again.
    staleTime: ({ state }) =>
      state.data != null && isFinished(state.data) ? Number.POSITIVE_INFINITY : 0,
    retry: false,
  });

/** Marks every answer computed from the corpus stale (sources, traces, statistics, models), not jobs. */
export function invalidateCorpus(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: queryKeys.all,
    predicate: (query) => query.queryKey[1] !== 'jobs',
  });
}

/** The trained waste models, newest first. */
export const wasteModelsQuery = () =>
  queryOptions({
    queryKey: queryKeys.wasteModels(),
    queryFn: ({ signal }) => requestJson('/api/waste/models', wasteModelList, { signal }),
  });

/** One waste model: its Table 3 rows and Figure 10 curves (models never change once stored). */
export const wasteModelQuery = (modelId: string) =>
  queryOptions({
    queryKey: queryKeys.wasteModel(modelId),
    queryFn: ({ signal }) =>
      requestJson(`/api/waste/models/${enc(modelId)}`, wasteModel, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

const thresholdQuery = (variant: string, threshold: number) =>
  `variant=${enc(variant)}&threshold=${enc(String(threshold))}`;

/** A variant's operating point at a threshold, with the skipped test graphlets. */
export const wasteOperatingPointQuery = (modelId: string, variant: string, threshold: number) =>
  queryOptions({
    queryKey: queryKeys.wasteOperatingPoint(modelId, variant, threshold),
    queryFn: ({ signal }) =>
      requestJson(
        `/api/waste/models/${enc(modelId)}/operating-point?${thresholdQuery(variant, threshold)}`,
        wasteOperatingPoint,
        { signal },
      ),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Starts training waste classifier variants; answers the job to follow. */
export function startWasteTraining(body: {
  readonly variant?: string;
  readonly trees?: number;
  readonly seed?: number;
  readonly traces?: readonly string[];
}) {
  return requestJson('/api/waste/train', jobAccepted, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The skip policy document of a variant at a threshold (the body of the policy download). */
export function fetchWastePolicy(modelId: string, variant: string, threshold: number) {
  return requestJson(
    `/api/waste/models/${enc(modelId)}/policy?${thresholdQuery(variant, threshold)}`,
    z.record(z.string(), z.unknown()),
  );
}

/** Deletes a source and everything imported from it. */
export function deleteSource(sourceId: string): Promise<unknown> {
  return requestJson(`/api/sources/${enc(sourceId)}`, z.unknown(), { method: 'DELETE' });
}

/** Deletes a trained waste model (its forests and test predictions go with it). */
export function deleteWasteModel(modelId: string): Promise<unknown> {
  return requestJson(`/api/waste/models/${enc(modelId)}`, z.unknown(), { method: 'DELETE' });
}

/** The server's limits and how full its caches are, read again each time it is shown. */
export const serverStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.serverStatus(),
    queryFn: ({ signal }) => requestJson('/api/server', serverStatus, { signal }),
    staleTime: 0,
  });
