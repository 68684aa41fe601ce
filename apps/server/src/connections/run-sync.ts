/**
 * A whole sync in one job (the in-process runner's, and a later sync's on a job queue): a first
 * sync reads every pipeline, a later one the changes since the watermark, on the connection's
 * worker thread; each trace is written as it arrives, then the new watermark.
 */
import { type JobContext, JobError } from '../jobs/job-queue.ts';
import {
  failConnection,
  openConnection,
  roleOverridesOf,
  type SyncDeps,
  syncResult,
} from './sync-connection.ts';
import { SyncPublisher } from './sync-publisher.ts';

/** A whole sync in one job: a first (full) one or the changes since the watermark. */
export async function runSync(deps: SyncDeps, id: string, context: JobContext): Promise<unknown> {
  const { store } = deps;
  const { connection, label, location } = await openConnection(deps, id);
  await store.setConnectionState(id, 'syncing', connection.doc.reason, context.id);
  await deps.announce(id);
  const full = connection.watermark === null;
  const publisher = new SyncPublisher(deps, id);
  const written = new Set<string>();
  context.progress({ full: full ? 1 : 0, tracesImported: 0, tracesTotal: 0, graphletsFound: 0 });
  let graphlets = 0;
  // Traces extended in place from the changes (the rest of `written` were read whole).
  let extended = 0;
  const roleOverrides = await roleOverridesOf(deps, id);
  const request = { location, watermark: connection.watermark, roleOverrides };
  const outcome = await deps.worker(id).run(request, context, {
    onOpened: (_version, pipelines) => context.progress({ tracesTotal: pipelines }),
    onTrace: async (trace, update) => {
      const traceId = await store.replaceConnectionTrace(id, trace, update);
      if (traceId === undefined) {
        throw new JobError('not_found', `sync: the connection "${id}" was removed`);
      }
      written.add(traceId);
      if (update !== undefined) extended++;
      graphlets += trace.graphlets.length;
      context.progress({ tracesImported: written.size, graphletsFound: graphlets });
      await publisher.add(traceId);
    },
    storedPayload: (pipeline) => store.getPipelinePayload(id, pipeline),
  });
  if (!outcome.ok) {
    await publisher.settle();
    if ((await store.getConnection(id)) === undefined)
      throw new JobError('not_found', `sync: the connection "${id}" was removed`);
    const error = new JobError(outcome.code, `sync: ${label}: ${outcome.problem}`);
    await failConnection(deps, id, error);
    throw error;
  }
  // A whole sync reads from a watermark (or takes one) and answers the new one.
  await store.finishSync(
    id,
    outcome.watermark!,
    outcome.schemaVersion ?? connection.doc.schemaVersion ?? 0,
  );
  await publisher.flush();
  await deps.announce(id);
  return syncResult(id, full, [...written], extended, outcome.changes);
}
