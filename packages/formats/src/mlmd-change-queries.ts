/** The SQL of incremental reads on one MLMD store (mlmd-changes.ts), dialect by dialect. */
import { idList, type SqlDialect, sqlDialect } from './mlmd-dialect.ts';
import type { TraceRows } from './mlmd-rows.ts';
import { GAP_LIMIT, GAP_WINDOW, type MlmdWatermark } from './mlmd-watermark.ts';
import { type PipelineScope, readPipelineScopes } from './pipeline-scopes.ts';
import { DEFAULT_PIPELINE, type MlmdStore } from './read-mlmd-source.ts';
import { allRows } from './row-source.ts';

/** The SQL of change reads on one store. */
export class ChangeQueries {
  readonly dialect: SqlDialect;
  readonly t: (name: string) => string;
  private readonly store: MlmdStore;

  constructor(store: MlmdStore) {
    this.store = store;
    this.dialect = sqlDialect(store.dialect);
    this.t = this.dialect.table;
  }

  private has(table: string, column?: string): boolean {
    const columns = this.store.columns.get(table);
    return columns !== undefined && (column === undefined || columns.has(column));
  }

  /** Rows of `table` that are new, updated at or after the mark (not yet seen), or listed. */
  condition(
    table: 'Execution' | 'Artifact',
    maxId: number,
    updated: MlmdWatermark['executionsUpdated'],
    also: readonly number[],
  ): string {
    const parts = [`id > ${maxId}`];
    if (this.has(table, 'last_update_time_since_epoch')) {
      const seen = updated.ids.length === 0 ? '' : ` AND id NOT IN (${idList(updated.ids)})`;
      parts.push(
        `(last_update_time_since_epoch > ${updated.ms} OR (last_update_time_since_epoch = ${updated.ms}${seen}))`,
      );
    }
    if (also.length > 0) parts.push(`id IN (${idList(also)})`);
    return parts.join(' OR ');
  }

  async pairs(sql: string): Promise<[number, number][]> {
    return (await allRows(this.store.source, sql)).map((r) => [Number(r[0]), Number(r[1])]);
  }

  private async max(table: string): Promise<number> {
    if (!this.has(table)) return 0;
    const [row] = await allRows(this.store.source, `SELECT MAX(id) FROM ${this.t(table)}`);
    return Number(row?.[0] ?? 0);
  }

  private async updated(table: 'Execution' | 'Artifact') {
    if (!this.has(table, 'last_update_time_since_epoch')) return { ms: 0, ids: [] };
    const [row] = await allRows(
      this.store.source,
      `SELECT MAX(last_update_time_since_epoch) FROM ${this.t(table)}`,
    );
    const ms = Number(row?.[0] ?? 0);
    const ids = (
      await allRows(
        this.store.source,
        `SELECT id FROM ${this.t(table)} WHERE last_update_time_since_epoch = ${ms} ORDER BY id`,
      )
    ).map((r) => Number(r[0]));
    return { ms, ids };
  }

  /** Ids missing from `table` in (after, upTo], plus `earlier` gaps still missing; most recent kept. */
  private async gaps(
    table: string,
    earlier: readonly number[],
    after: number,
    upTo: number,
  ): Promise<number[]> {
    const t = this.t(table);
    const gaps: number[] = [];
    if (earlier.length > 0) {
      const found = new Set(
        (await this.rows(`SELECT id FROM ${t} WHERE id IN (${idList(earlier)})`)).map((r) =>
          Number(r[0]),
        ),
      );
      for (const x of earlier) if (!found.has(x)) gaps.push(x);
    }
    let next = after + 1;
    for await (const batch of this.store.source.rows(
      `SELECT id FROM ${t} WHERE id > ${after} AND id <= ${upTo} ORDER BY id`,
    )) {
      for (const [raw] of batch) {
        const x = Number(raw);
        for (; next < x; next++) gaps.push(next);
        next = x + 1;
      }
    }
    return gaps.slice(-GAP_LIMIT);
  }

  async watermark(
    open: readonly [number, number][],
    previous: MlmdWatermark | undefined,
  ): Promise<MlmdWatermark> {
    const maxima = {
      executionId: await this.max('Execution'),
      artifactId: await this.max('Artifact'),
      eventId: await this.max('Event'),
    };
    const gapsOf = (table: string, key: keyof typeof maxima, earlier: readonly number[]) =>
      this.gaps(
        table,
        earlier,
        previous === undefined ? Math.max(0, maxima[key] - GAP_WINDOW) : previous[key],
        maxima[key],
      );
    return {
      ...maxima,
      contextId: await this.max('Context'),
      associationId: await this.max('Association'),
      attributionId: await this.max('Attribution'),
      executionsUpdated: await this.updated('Execution'),
      artifactsUpdated: await this.updated('Artifact'),
      open: [...open].sort((a, b) => a[0] - b[0]),
      gaps: {
        execution: await gapsOf('Execution', 'executionId', previous?.gaps.execution ?? []),
        artifact: await gapsOf('Artifact', 'artifactId', previous?.gaps.artifact ?? []),
        event: await gapsOf('Event', 'eventId', previous?.gaps.event ?? []),
      },
    };
  }

  /** The store's pipeline scopes (read once per change read). */
  scopes(): Promise<PipelineScope[]> {
    return readPipelineScopes(this.store.source, this.store.columns);
  }

  /**
   * Pipelines holding a changed execution (or an execution of a new event or association, or one
   * using a changed artifact), a changed artifact, or a new attribution. Ids are gathered first
   * and looked up in chunks: changes are few, and index lookups beat semi-joins on large stores.
   */
  async touchedPipelines(
    w: MlmdWatermark,
    rows: TraceRows,
    scopes: readonly PipelineScope[],
  ): Promise<string[]> {
    const t = this.t;
    const executions = new Set<number>(rows.executions.map((e) => e.id));
    const artifacts = new Set<number>(rows.artifacts.map((a) => a.id));
    for (const e of rows.events) {
      executions.add(e.execution);
      artifacts.add(e.artifact);
    }
    const changedArtifacts = rows.artifacts.map((a) => a.id as number);
    for (const chunk of chunks(changedArtifacts)) {
      for (const [x] of await this.rows(
        `SELECT execution_id FROM ${t('Event')} WHERE artifact_id IN (${idList(chunk)})`,
      )) {
        executions.add(Number(x));
      }
    }
    const contexts = new Set<number>();
    // Each touched execution's contexts; an execution in no pipeline context is an orphan.
    const contextsOf = new Map<number, number[]>();
    if (this.has('Association')) {
      for (const [x] of await this.rows(
        `SELECT execution_id FROM ${t('Association')} WHERE id > ${w.associationId}`,
      )) {
        executions.add(Number(x));
      }
      for (const chunk of chunks([...executions])) {
        for (const [x, c] of await this.rows(
          `SELECT execution_id, context_id FROM ${t('Association')} WHERE execution_id IN (${idList(chunk)})`,
        )) {
          contexts.add(Number(c));
          const list = contextsOf.get(Number(x));
          if (list === undefined) contextsOf.set(Number(x), [Number(c)]);
          else list.push(Number(c));
        }
      }
    }
    if (this.has('Attribution')) {
      for (const [c] of await this.rows(
        `SELECT context_id FROM ${t('Attribution')} WHERE id > ${w.attributionId}`,
      )) {
        contexts.add(Number(c));
      }
      for (const chunk of chunks([...artifacts])) {
        for (const [c] of await this.rows(
          `SELECT context_id FROM ${t('Attribution')} WHERE artifact_id IN (${idList(chunk)})`,
        )) {
          contexts.add(Number(c));
        }
      }
    }
    const names = new Set<string>();
    const inScope = new Set<number>();
    for (const scope of scopes) {
      for (const c of scope.contextIds) inScope.add(c);
      if (scope.contextIds.some((c) => contexts.has(c))) names.add(scope.name);
    }
    for (const x of executions) {
      if (!(contextsOf.get(x) ?? []).some((c) => inScope.has(c))) {
        names.add(DEFAULT_PIPELINE);
        break;
      }
    }
    return [...names].sort(byBytes);
  }

  /**
   * Per pipeline, the changed or newly linked nodes that belong to it: executions with an
   * association to one of its contexts that is new (id past the mark) or whose execution changed,
   * and artifacts with such an attribution. What extends a stored trace (extend-mlmd-trace.ts).
   */
  async joinedNodes(
    w: MlmdWatermark,
    rows: TraceRows,
    scopes: readonly PipelineScope[],
  ): Promise<Map<string, JoinedNodes>> {
    const t = this.t;
    const pipelineOf = new Map<number, string[]>();
    for (const scope of scopes) {
      for (const c of scope.contextIds) {
        const names = pipelineOf.get(c);
        if (names === undefined) pipelineOf.set(c, [scope.name]);
        else if (!names.includes(scope.name)) names.push(scope.name);
      }
    }
    const joined = new Map<string, { executions: Set<number>; artifacts: Set<number> }>();
    const add = (context: number, node: number, kind: 'executions' | 'artifacts') => {
      for (const name of pipelineOf.get(context) ?? []) {
        let entry = joined.get(name);
        if (entry === undefined) {
          entry = { executions: new Set(), artifacts: new Set() };
          joined.set(name, entry);
        }
        entry[kind].add(node);
      }
    };
    const links = async (
      table: 'Association' | 'Attribution',
      column: string,
      mark: number,
      changed: readonly number[],
      kind: 'executions' | 'artifacts',
    ) => {
      if (!this.has(table)) return;
      const found = await this.rows(
        `SELECT ${column}, context_id FROM ${t(table)} WHERE id > ${mark}`,
      );
      for (const chunk of chunks(changed)) {
        found.push(
          ...(await this.rows(
            `SELECT ${column}, context_id FROM ${t(table)} WHERE ${column} IN (${idList(chunk)})`,
          )),
        );
      }
      for (const [node, context] of found) add(Number(context), Number(node), kind);
    };
    await links(
      'Association',
      'execution_id',
      w.associationId,
      rows.executions.map((e) => e.id as number),
      'executions',
    );
    await links(
      'Attribution',
      'artifact_id',
      w.attributionId,
      rows.artifacts.map((a) => a.id as number),
      'artifacts',
    );
    return new Map(
      [...joined].map(([name, j]) => [
        name,
        {
          executions: [...j.executions].sort(byNumber),
          artifacts: [...j.artifacts].sort(byNumber),
        },
      ]),
    );
  }

  private rows(sql: string) {
    return allRows(this.store.source, sql);
  }
}

/** The nodes of one pipeline a change read saw join it or change (ascending ids). */
export interface JoinedNodes {
  readonly executions: readonly number[];
  readonly artifacts: readonly number[];
}

const byNumber = (a: number, b: number) => a - b;

/** Ids in chunks small enough for one IN list. */
function chunks(ids: readonly number[], size = 1000): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Orders names as the stores do (byte-wise), `default` after every pipeline. */
function byBytes(a: string, b: string): number {
  if (a === DEFAULT_PIPELINE) return 1;
  if (b === DEFAULT_PIPELINE) return -1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
