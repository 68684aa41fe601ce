/** Progress of a job fanned out per pipeline, shared by imports and connection syncs. */
import type { Progress } from './job-queue.ts';

/**
 * The progress after one more pipeline task: `stored` false for a pipeline planned in case that
 * held nothing (an MLMD store's `default` trace when every execution has a pipeline).
 */
export function pipelineProgress(progress: Progress, stored: boolean, graphlets: number): Progress {
  const total = Number(progress.tracesTotal ?? 0);
  return {
    ...progress,
    tracesTotal: stored ? total : total - 1,
    tracesImported: Number(progress.tracesImported ?? 0) + (stored ? 1 : 0),
    graphletsFound: Number(progress.graphletsFound ?? 0) + graphlets,
  };
}
