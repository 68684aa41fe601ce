/** Every TanStack Query key of the app, in one place. */
export const queryKeys = {
  all: ['api'] as const,
  sources: () => [...queryKeys.all, 'sources'] as const,
  roleOverrides: (sourceId: string) =>
    [...queryKeys.sources(), sourceId, 'role-overrides'] as const,
  connections: () => [...queryKeys.all, 'connections'] as const,
  traces: () => [...queryKeys.all, 'traces'] as const,
  search: (text: string) => [...queryKeys.all, 'search', text] as const,
  trace: (traceId: string) => [...queryKeys.traces(), traceId] as const,
  traceGraphlets: (traceId: string) => [...queryKeys.trace(traceId), 'graphlets'] as const,
  graphlet: (traceId: string, trainer: string) =>
    [...queryKeys.traceGraphlets(traceId), trainer] as const,
  node: (traceId: string, nodeId: string) =>
    [...queryKeys.trace(traceId), 'nodes', nodeId] as const,
  /** A job's latest document, fed by its event stream (see jobQuery). */
  job: (jobId: string) => [...queryKeys.all, 'jobs', jobId] as const,
  /** The server's limits and cache usage (changes with every request, so read when shown). */
  serverStatus: () => [...queryKeys.all, 'server'] as const,
  wasteModels: () => [...queryKeys.all, 'waste-models'] as const,
  wasteModel: (modelId: string) => [...queryKeys.wasteModels(), modelId] as const,
  wasteOperatingPoint: (modelId: string, variant: string, threshold: number) =>
    [...queryKeys.wasteModel(modelId), 'operating-point', variant, threshold] as const,
};
