/** Job rows: every job is recorded, so its outcome survives a restart. */
import type { DatabaseSync } from 'node:sqlite';
import type { Job, JobState } from '@graphlet/contract';
import { statement } from './statement.ts';

export interface JobRow {
  id: number;
  kind: string;
  state: JobState;
  progress: string;
  error: string | null;
  result: string | null;
}

export function toJob(row: JobRow): Job {
  const job: Job = {
    id: String(row.id),
    kind: row.kind,
    state: row.state,
    progress: JSON.parse(row.progress) as Job['progress'],
  };
  if (row.error !== null) job.error = JSON.parse(row.error) as NonNullable<Job['error']>;
  if (row.result !== null) job.result = JSON.parse(row.result) as unknown;
  return job;
}

/**
 * Where job documents are recorded: ids are allocated and rows written without the caller
 * waiting (job-row-writer.ts on SQLite, postgres/postgres-job-rows.ts on PostgreSQL).
 */
export interface JobRows {
  /** A new queued job with the next id (or `id`, allocated elsewhere); its row is written in the background. */
  insert(kind: string, progress: Job['progress'], id?: string): Job;
  /** Records the job's current document (now, or later when the store is busy). */
  save(job: Job): void;
  /** The job's recorded document, pending ones included. */
  get(id: string): Job | undefined;
  /**
   * Reads a job's row again where this process may be behind another (PostgreSQL): a job it has
   * not heard of yet, or one it has not seen end.
   */
  learn?(id: string): Promise<void>;
  /**
   * Settles once the documents saved so far reached the store, or their write failed once and
   * is retried behind: a worker ends a job's row before the queue tells anyone it ended.
   */
  written?(): Promise<void>;
  /** Writes what is pending and closes. */
  close(): void | Promise<void>;
}

/** Writes a job's current state, progress, error and result. */
export function saveJob(db: DatabaseSync, job: Job): void {
  statement(
    db,
    'UPDATE jobs SET state = ?, progress = ?, error = ?, result = ?, updated = ? WHERE id = ?',
  ).run(
    job.state,
    JSON.stringify(job.progress),
    job.error === undefined ? null : JSON.stringify(job.error),
    job.result === undefined ? null : JSON.stringify(job.result),
    new Date().toISOString(),
    Number(job.id),
  );
}

/** The recorded job, or undefined (also for ids that are not numbers). */
export function getJobRow(db: DatabaseSync, id: string): Job | undefined {
  if (!/^\d+$/.test(id)) return undefined;
  const row = statement(db, 'SELECT * FROM jobs WHERE id = ?').get(Number(id)) as
    | JobRow
    | undefined;
  return row === undefined ? undefined : toJob(row);
}

/** Marks jobs left queued or running by a previous process as failed; returns how many. */
export function failUnfinishedJobs(db: DatabaseSync, message: string): number {
  const { changes } = statement(
    db,
    "UPDATE jobs SET state = 'failed', error = ?, updated = ? WHERE state IN ('queued', 'running')",
  ).run(JSON.stringify({ code: 'interrupted', message }), new Date().toISOString());
  return Number(changes);
}

/** True once any job was ever recorded. */
export function hasJobs(db: DatabaseSync): boolean {
  return statement(db, 'SELECT 1 FROM jobs LIMIT 1').get() !== undefined;
}
