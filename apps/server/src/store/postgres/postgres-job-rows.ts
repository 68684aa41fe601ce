/**
 * Job rows on PostgreSQL, written without the caller waiting: ids come from the jobs table's
 * sequence in reserved blocks (so processes sharing the database never collide), documents are
 * kept in memory and written in order in the background, retried while the database is away.
 * Every write is announced (NOTIFY) and every process LISTENs, so a job another process (a
 * worker) advanced is answered as it is, without a synchronous read.
 */
import { isFinalJob, type Job } from '@graphlet/contract';
import type pg from 'pg';
import { type JobRow, type JobRows, toJob } from '../job-rows.ts';

/** Ids reserved per round trip; a new block is fetched when fewer than half are left. */
const BLOCK = 64;
const RETRY_MS = 500;
const CHANNEL = 'graphlet_jobs';
/** Reads of an unknown job id, 100 ms apart, before it is answered as absent. */
const LEARN_TRIES = 10;

/** The JobRows of a PostgreSQL store; `ready()` resolves once the first ids and rows are read. */
export class PostgresJobRows implements JobRows {
  private readonly pool: pg.Pool;
  private readonly ids: number[] = [];
  /** Every job this process knows: read at start, then each one it writes. */
  private readonly known = new Map<string, Job>();
  private readonly pending = new Map<string, { job: Job; created: string }>();
  private refill: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private opened: Promise<void> | undefined;
  private listener: pg.PoolClient | undefined;
  private closed = false;

  constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Reads the recorded jobs and reserves the first ids. */
  ready(): Promise<void> {
    this.opened ??= (async () => {
      await this.listen();
      const { rows } = await this.pool.query<JobRow>('SELECT * FROM jobs');
      for (const row of rows) this.known.set(String(row.id), toJob(row));
      await this.reserve();
    })();
    return this.opened;
  }

  insert(kind: string, progress: Job['progress']): Job {
    const id = this.ids.shift();
    if (id === undefined)
      throw new Error('jobs: no job id reserved yet; the store is still opening');
    if (this.ids.length < BLOCK / 2)
      this.refill ??= this.reserve().finally(() => {
        this.refill = undefined;
      });
    const job: Job = { id: String(id), kind, state: 'queued', progress };
    this.known.set(job.id, job);
    this.pending.set(job.id, { job, created: new Date().toISOString() });
    this.flush();
    return job;
  }

  save(job: Job): void {
    this.known.set(job.id, job);
    const created = this.pending.get(job.id)?.created ?? '';
    this.pending.set(job.id, { job, created });
    this.flush();
  }

  get(id: string): Job | undefined {
    return this.known.get(id);
  }

  /**
   * The process that started the job writes its row behind its answer: a client that asks
   * another process right away may come first, so an unknown id is read again for up to 1 s.
   * A job not ended here is read once more: its end may be written and not yet announced.
   */
  async learn(id: string): Promise<void> {
    if (!/^\d+$/.test(id)) return;
    const job = this.known.get(id);
    if (job !== undefined) {
      if (!isFinalJob(job)) await this.reread(id).catch(() => {});
      return;
    }
    for (let i = 0; i < LEARN_TRIES && !this.known.has(id); i++) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_MS / 5));
      await this.reread(id).catch(() => {});
    }
  }

  written(): Promise<void> {
    return this.writing;
  }

  /** Writes what is pending (one more attempt) and stops retrying. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.flush();
    await this.writing;
    await this.opened?.catch(() => {});
    if (this.listener !== undefined) {
      await this.listener.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
      this.listener.release();
      this.listener = undefined;
    }
  }

  /**
   * Listens for other processes' writes on a client of its own; when the database goes away
   * (restarted, stopped) the client is dropped and listening starts again once it answers.
   */
  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    this.listener = client;
    client.on('notification', (n) => {
      if (n.payload !== undefined) void this.reread(n.payload).catch(() => {});
    });
    client.on('error', (error) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.release(error);
      this.relisten();
    });
    try {
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      if (this.listener === client) {
        this.listener = undefined;
        client.release(error as Error);
      }
      throw error;
    }
  }

  private relisten(): void {
    if (this.closed) return;
    setTimeout(() => {
      if (this.closed || this.listener !== undefined) return;
      this.listen().catch(() => this.relisten());
    }, RETRY_MS).unref();
  }

  /** Reads a job another process wrote, unless this one has a newer document pending. */
  private async reread(id: string): Promise<void> {
    if (!/^\d+$/.test(id) || this.pending.has(id)) return;
    const { rows } = await this.pool.query<JobRow>('SELECT * FROM jobs WHERE id = $1', [
      Number(id),
    ]);
    const row = rows[0];
    if (row !== undefined && !this.pending.has(id)) this.known.set(id, toJob(row));
  }

  private async reserve(): Promise<void> {
    const { rows } = await this.pool.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('jobs', 'id')) AS id FROM generate_series(1, ${BLOCK})`,
    );
    this.ids.push(...rows.map((r) => r.id));
  }

  private flush(): void {
    this.writing = this.writing.then(async () => {
      for (const [id, { job, created }] of this.pending) {
        try {
          await this.write(job, created);
        } catch {
          this.timer ??= setTimeout(() => {
            this.timer = undefined;
            this.flush();
          }, RETRY_MS);
          this.timer.unref();
          return;
        }
        // A newer document saved meanwhile stays pending.
        if (this.pending.get(id)?.job === job) this.pending.delete(id);
      }
    });
  }

  /**
   * A new job's first row never overwrites one another process (a worker that took the job
   * before this row landed) already wrote; later documents are upserted.
   */
  private async write(job: Job, created: string): Promise<void> {
    const now = new Date().toISOString();
    const values = [
      Number(job.id),
      job.kind,
      job.state,
      JSON.stringify(job.progress),
      job.error === undefined ? null : JSON.stringify(job.error),
      job.result === undefined ? null : JSON.stringify(job.result),
      created === '' ? now : created,
      now,
    ];
    await this.pool.query(
      `INSERT INTO jobs (id, kind, state, progress, error, result, created, updated)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO ${
         created === ''
           ? `UPDATE SET state = excluded.state, progress = excluded.progress,
              error = excluded.error, result = excluded.result, updated = excluded.updated`
           : 'NOTHING'
       }`,
      values,
    );
    await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, job.id]);
  }
}
