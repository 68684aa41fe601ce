/** Messages between the main thread and a task worker (statistics, trace layout, node or graphlet detail, forest blob). */

export type TaskInput =
  | {
      readonly task: 'stats';
      /** The store's file or PostgreSQL URL, opened on the worker's own connection. */
      readonly storeLocation: string;
      /** Trace ids, or null for every trace. */
      readonly ids: readonly string[] | null;
      /** The results-cache key the worker stores the answer under. */
      readonly key: string;
      /** The results cache's byte budget (STATS_CACHE_BYTES). */
      readonly limitBytes: number;
    }
  | { readonly task: 'layout'; readonly storeLocation: string; readonly traceId: string }
  | {
      readonly task: 'node';
      readonly storeLocation: string;
      readonly traceId: string;
      readonly nodeId: string;
    }
  | {
      readonly task: 'graphlet';
      readonly storeLocation: string;
      readonly traceId: string;
      readonly trainer: number;
    }
  | {
      readonly task: 'forest';
      readonly storeLocation: string;
      readonly modelId: string;
      readonly variant: string;
      /** forestToBytes output, transferred (not copied) to the worker. */
      readonly bytes: Uint8Array;
    };

export type TaskOutput =
  | { readonly type: 'done'; readonly json: string | null }
  | { readonly type: 'missing'; readonly id: string }
  | { readonly type: 'failed'; readonly message: string };
