/** queryOptions() factories and mutations for every API resource the pages read. */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';
import {
  graphletDetail,
  graphletList,
  nodeDetail,
  sourceList,
  traceGraph,
  traceList,
} from './schemas.ts';

const enc = encodeURIComponent;

/** The imported sources. */
export const sourcesQuery = () =>
  queryOptions({
    queryKey: queryKeys.sources(),
    queryFn: ({ signal }) => requestJson('/api/sources', sourceList, { signal }),
  });

/** Every trace with its summary. */
export const tracesQuery = () =>
  queryOptions({
    queryKey: queryKeys.traces(),
    queryFn: ({ signal }) => requestJson('/api/traces', traceList, { signal }),
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

/** Deletes a source and everything imported from it. */
export function deleteSource(sourceId: string): Promise<unknown> {
  return requestJson(`/api/sources/${enc(sourceId)}`, z.unknown(), { method: 'DELETE' });
}
