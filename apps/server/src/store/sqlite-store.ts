/** The embedded store: node:sqlite in the data folder, behind the async Store interface. */
import type { DatabaseSync } from 'node:sqlite';
import { trainableCounts } from '../waste/trainable-counts.ts';
import {
  finishSync,
  getConnection,
  insertConnection,
  listConnections,
  setConnectionState,
} from './connection-rows.ts';
import { failUnfinishedJobs, getJobRow, hasJobs } from './job-rows.ts';
import { updateLiveSource } from './live-source-rows.ts';
import {
  deleteSourceOfJob,
  finishFannedOutSource,
  insertSourceOnce,
  settleSourceColumns,
  writePipelineTrace,
} from './pipeline-writes.ts';
import { replaceTrace } from './replace-trace.ts';
import {
  clearResults,
  clearResultsUnlessSynced,
  getResult,
  putResult,
  resultsUsage,
} from './results-cache.ts';
import { listRoleOverrides, replaceRoleOverrides } from './role-override-rows.ts';
import { searchCorpus } from './search-index.ts';
import {
  countSourceGraphlets,
  deleteSource,
  findSourceBySha,
  listSources,
} from './source-queries.ts';
import { statement, transaction } from './statement.ts';
import type { SourceTraceRow, Store } from './store.ts';
import {
  getTraceLayout,
  getTraceNote,
  getTracePayload,
  getTraceStats,
  getTraceSummary,
  hasTraceLayout,
  listGraphlets,
  listTraceIds,
  listTraces,
  putTraceLayout,
  putTraceStats,
} from './trace-queries.ts';
import {
  deleteWasteForests,
  deleteWasteModel,
  findTestGraphlet,
  getWasteForest,
  getWasteModel,
  insertWasteForest,
  insertWasteModel,
  latestWasteModelFor,
  listWasteModels,
  wasteModelTextBytes,
} from './waste-model-rows.ts';
import { insertTrace, traceId, writeImport } from './write-import.ts';

/** The Store over one node:sqlite connection: every method runs synchronously and resolves at once. */
export function sqliteStore(db: DatabaseSync): Store {
  const now = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const sourceTraces = (sourceId: string): SourceTraceRow[] =>
    (
      statement(
        db,
        `SELECT t.id, t.ordinal, p.trace, p.base_roles FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
         WHERE t.source_id = ? ORDER BY t.ordinal`,
      ).all(sourceId) as unknown as {
        id: string;
        ordinal: number;
        trace: string;
        base_roles: string | null;
      }[]
    ).map((r) => ({ id: r.id, ordinal: r.ordinal, trace: r.trace, baseRoles: r.base_roles }));
  return {
    dialect: 'sqlite',
    listSources: () => now(() => listSources(db)),
    hasSource: (id) =>
      now(() => statement(db, 'SELECT 1 FROM sources WHERE id = ?').get(id) !== undefined),
    findSourceBySha: (sha256) => now(() => findSourceBySha(db, sha256)),
    countSourceGraphlets: (id) => now(() => countSourceGraphlets(db, id)),
    deleteSource: (id) => now(() => deleteSource(db, id)),
    writeImport: (source, at, checkpoint) => now(() => writeImport(db, source, at, checkpoint)),
    insertSourceOnce: (source, at) => now(() => insertSourceOnce(db, source, at)),
    settleSourceColumns: (sourceId, jobId, file) =>
      now(() => settleSourceColumns(db, sourceId, jobId, file)),
    writePipelineTrace: (sourceId, ordinal, trace) =>
      now(() => writePipelineTrace(db, sourceId, ordinal, trace)),
    finishFannedOutSource: (sourceId) => now(() => finishFannedOutSource(db, sourceId)),
    deleteSourceOfJob: (sourceId, jobId) => now(() => deleteSourceOfJob(db, sourceId, jobId)),
    listTraces: (filter) => now(() => listTraces(db, filter)),
    getTraceSummary: (id) => now(() => getTraceSummary(db, id)),
    getTracePayload: (id) => now(() => getTracePayload(db, id)),
    getTraceStats: (id) => now(() => getTraceStats(db, id)),
    putTraceStats: (id, stats) => now(() => putTraceStats(db, id, stats)),
    getTraceLayout: (id) => now(() => getTraceLayout(db, id)),
    hasTraceLayout: (id) => now(() => hasTraceLayout(db, id)),
    putTraceLayout: (id, gzipped) => now(() => putTraceLayout(db, id, gzipped)),
    getTraceNote: (id) => now(() => getTraceNote(db, id)),
    listGraphlets: (id) => now(() => listGraphlets(db, id)),
    listTraceIds: () => now(() => listTraceIds(db)),
    trainableCounts: (ids) => now(() => trainableCounts(db, ids)),
    listSourceTraces: (sourceId) => now(() => sourceTraces(sourceId)),
    replaceConnectionTrace: (id, trace, update) =>
      now(() =>
        transaction(db, () =>
          getConnection(db, id) === undefined ? undefined : replaceTrace(db, id, trace, update),
        ),
      ),
    putConnectionTrace: (id, ordinal, trace) =>
      now(() =>
        transaction(db, () => {
          if (getConnection(db, id) === undefined) return undefined;
          statement(db, 'DELETE FROM traces WHERE id = ?').run(traceId(id, ordinal));
          insertTrace(db, id, ordinal, trace);
          return traceId(id, ordinal);
        }),
      ),
    listTraceOrdinals: (sourceId) =>
      now(
        () =>
          statement(
            db,
            'SELECT pipeline, ordinal FROM traces WHERE source_id = ? ORDER BY ordinal',
          ).all(sourceId) as { pipeline: string; ordinal: number }[],
      ),
    getPipelinePayload: (sourceId, pipeline) =>
      now(
        () =>
          (
            statement(
              db,
              `SELECT p.trace FROM traces t JOIN trace_payloads p ON p.trace_id = t.id
               WHERE t.source_id = ? AND t.pipeline = ?`,
            ).get(sourceId, pipeline) as { trace: string } | undefined
          )?.trace,
      ),
    searchCorpus: (text, limit) => now(() => searchCorpus(db, text, limit)),
    listRoleOverrides: (id) => now(() => listRoleOverrides(db, id)),
    rewriteSourceRoles: (sourceId, overrides, rewrite) =>
      now(() =>
        transaction(db, () => {
          replaceRoleOverrides(db, sourceId, overrides);
          for (const row of sourceTraces(sourceId)) {
            const { trace, baseRoles } = rewrite(row);
            statement(db, 'DELETE FROM traces WHERE id = ?').run(row.id);
            insertTrace(db, sourceId, row.ordinal, trace, baseRoles);
          }
          clearResults(db);
        }),
      ),
    updateLiveSource: (sourceId, change, plan) =>
      now(() => updateLiveSource(db, sourceId, change, plan)),
    getResult: (key) => now(() => getResult(db, key)),
    putResult: (key, value, limit) => now(() => putResult(db, key, value, limit)),
    resultsUsage: () => now(() => resultsUsage(db)),
    clearResults: () => now(() => clearResults(db)),
    clearResultsUnlessSynced: (id) => now(() => clearResultsUnlessSynced(db, id)),
    hasJobs: () => now(() => hasJobs(db)),
    getJob: (id) => now(() => getJobRow(db, id)),
    failUnfinishedJobs: (message) => now(() => failUnfinishedJobs(db, message)),
    insertWasteModel: (model) => now(() => insertWasteModel(db, model)),
    listWasteModels: () => now(() => listWasteModels(db)),
    getWasteModel: (id) => now(() => getWasteModel(db, id)),
    findTestGraphlet: (traceId, trainer) => now(() => findTestGraphlet(db, traceId, trainer)),
    latestWasteModelFor: (traceId) => now(() => latestWasteModelFor(db, traceId)),
    wasteModelTextBytes: (id) => now(() => wasteModelTextBytes(db, id)),
    insertWasteForest: (modelId, variant, forest) =>
      now(() => insertWasteForest(db, modelId, variant, forest)),
    getWasteForest: (modelId, variant) => now(() => getWasteForest(db, modelId, variant)),
    deleteWasteForests: (modelId) => now(() => deleteWasteForests(db, modelId)),
    deleteWasteModel: (id) => now(() => deleteWasteModel(db, id)),
    listConnections: () => now(() => listConnections(db)),
    getConnection: (id) => now(() => getConnection(db, id)),
    insertConnection: (c, at) => now(() => transaction(db, () => insertConnection(db, c, at))),
    setConnectionState: (id, state, reason, jobId) =>
      now(() => setConnectionState(db, id, state, reason, jobId)),
    finishSync: (id, watermark, version, at) =>
      now(() =>
        transaction(db, () => {
          finishSync(db, id, watermark, version, at);
          clearResults(db);
        }),
      ),
    close: () => now(() => db.close()),
  };
}
