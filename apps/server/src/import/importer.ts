/**
 * Import semantics: one source per distinct file (by sha256), an import job per new file, the
 * worker's traces written in ONE transaction when it finishes; the temp file is removed after.
 */
import { rm } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import type { Job, SourceKind } from '@graphlet/contract';
import { isStorageFull, storageFullMessage } from '../http/storage-full.ts';
import { JobError, type JobRunner } from '../jobs/job-runner.ts';
import type { ImportedSource } from '../store/imported-source.ts';
import { findSourceBySha } from '../store/source-queries.ts';
import { writeImport } from '../store/write-import.ts';
import { readInWorker } from './read-in-worker.ts';
import { ImportWorkerPool } from './worker-pool.ts';

export interface ImportRequest {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly kind: SourceKind;
  /** Remove `path` when done (uploads); false for files the server does not own (the demo corpus). */
  readonly removeAfter: boolean;
}

export interface Submission {
  readonly sourceId: string;
  /** False when the file was imported (or is being imported) already. */
  readonly created: boolean;
  readonly job: Job | null;
}

const IMPORT_JOB = 'import';

/** A source id: the first 16 hex digits of the file's sha256, so the same file keeps its id. */
function sourceIdOf(sha256: string): string {
  return sha256.slice(0, 16);
}

/** writeImport, with a full disk failing the job as insufficient_storage (nothing is stored). */
function writeOrExplain(db: DatabaseSync, dataDir: string, source: ImportedSource): void {
  try {
    writeImport(db, source);
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    const what = `nothing of ${source.name} was stored`;
    throw new JobError('insufficient_storage', storageFullMessage('import', dataDir, what));
  }
}

/** Registers the import job kind and accepts files to import. */
export class Importer {
  private readonly db: DatabaseSync;
  private readonly jobs: JobRunner;
  private readonly inFlight = new Map<string, string>();
  private readonly workers = new ImportWorkerPool();

  /**
   * `onImported` runs after each import is committed (the cache's one invalidation path);
   * `dataDir` is named when its disk fills up during the import's write.
   */
  constructor(
    db: DatabaseSync,
    jobs: JobRunner,
    onImported: () => void = () => {},
    dataDir = 'in use',
  ) {
    this.db = db;
    this.jobs = jobs;
    jobs.register<ImportRequest>(IMPORT_JOB, async (request, context) => {
      try {
        const outcome = await readInWorker(
          this.workers,
          { path: request.path, name: request.name, size: request.size },
          context,
        );
        const sourceId = sourceIdOf(request.sha256);
        writeOrExplain(this.db, dataDir, {
          id: sourceId,
          name: request.name,
          sha256: request.sha256,
          size: request.size,
          kind: outcome.kind,
          format: outcome.format,
          schemaVersion: outcome.schemaVersion,
          jobId: Number(context.id),
          traces: outcome.traces,
        });
        onImported();
        const graphlets = outcome.traces.reduce((n, t) => n + t.graphlets.length, 0);
        return {
          sourceId,
          traces: outcome.traces.length,
          graphlets,
          ...(outcome.warnings.length > 0 ? { warnings: outcome.warnings } : {}),
        };
      } finally {
        this.inFlight.delete(request.sha256);
        if (request.removeAfter) await rm(request.path, { force: true });
      }
    });
  }

  /** Stops the spare worker; call after the job runner closed. */
  close(): Promise<void> {
    return this.workers.close();
  }

  /** Starts importing a file unless the same content is stored or being imported. */
  async submit(request: ImportRequest): Promise<Submission> {
    const sourceId = sourceIdOf(request.sha256);
    const existing = findSourceBySha(this.db, request.sha256);
    const running = this.inFlight.get(request.sha256);
    if (existing !== undefined || running !== undefined) {
      if (request.removeAfter) await rm(request.path, { force: true });
      const jobId = running ?? existing?.jobId;
      const job =
        jobId === undefined || jobId === null ? null : (this.jobs.get(String(jobId)) ?? null);
      return { sourceId, created: false, job };
    }
    const job = this.jobs.start<ImportRequest>(IMPORT_JOB, request, {
      bytesRead: 0,
      bytesTotal: request.size,
      tracesImported: 0,
      tracesTotal: 0,
      graphletsFound: 0,
    });
    this.inFlight.set(request.sha256, job.id);
    return { sourceId, created: true, job };
  }
}
