/** Rows of the connections table: a connected store's location, sync state and watermark. */
import type { DatabaseSync } from 'node:sqlite';
import type { Connection, ConnectionKind, ConnectionState } from '@graphlet/contract';
import { statement } from './statement.ts';

export interface ConnectionRow {
  id: string;
  name: string;
  kind: ConnectionKind;
  location: string;
  secret: string | null;
  poll_seconds: number;
  state: ConnectionState;
  reason: string | null;
  synced: string | null;
  watermark: string | null;
  job_id: string | null;
  created: string;
  schema_version: number | null;
  traces: number;
}

/** A connection as the server keeps it: the answer's fields plus what is never answered. */
export interface StoredConnection {
  readonly doc: Omit<Connection, 'nextSync'>;
  /** The stored password, if the user asked to store it. */
  readonly secret: string | null;
  /** The watermark JSON of the last finished sync; null before the first. */
  readonly watermark: string | null;
}

export const CONNECTION_SELECT = `SELECT c.*, s.name, s.created, s.schema_version,
    (SELECT COUNT(*) FROM traces t WHERE t.source_id = c.id) AS traces
  FROM connections c JOIN sources s ON s.id = c.id`;

export function toStored(row: ConnectionRow): StoredConnection {
  return {
    doc: {
      id: row.id,
      name: row.name,
      kind: row.kind,
      location: row.location,
      pollSeconds: row.poll_seconds,
      storedCredentials: row.secret !== null,
      state: row.state,
      reason: row.reason,
      synced: row.synced,
      schemaVersion: row.schema_version,
      traces: row.traces,
      jobId: row.job_id,
      created: row.created,
    },
    secret: row.secret,
    watermark: row.watermark,
  };
}

/** Every connection, oldest first. */
export function listConnections(db: DatabaseSync): StoredConnection[] {
  const rows = statement(db, `${CONNECTION_SELECT} ORDER BY s.created, c.id`).all();
  return (rows as unknown as ConnectionRow[]).map(toStored);
}

/** One connection, or undefined. */
export function getConnection(db: DatabaseSync, id: string): StoredConnection | undefined {
  const row = statement(db, `${CONNECTION_SELECT} WHERE c.id = ?`).get(id);
  return row === undefined ? undefined : toStored(row as unknown as ConnectionRow);
}

/** What a new connection row holds (its source row is written in the same transaction). */
export interface NewConnection {
  readonly id: string;
  readonly name: string;
  readonly kind: ConnectionKind;
  readonly location: string;
  readonly secret: string | null;
  readonly pollSeconds: number;
  readonly schemaVersion: number;
}

/** Inserts the connection's source (kind mlmd, no traces yet) and its connection row. */
export function insertConnection(db: DatabaseSync, c: NewConnection, now = new Date()): void {
  statement(
    db,
    `INSERT INTO sources (id, name, sha256, size, kind, format, schema_version, job_id, created)
     VALUES (?, ?, ?, 0, 'mlmd', NULL, ?, NULL, ?)`,
  ).run(c.id, c.name, `connection:${c.id}`, c.schemaVersion, now.toISOString());
  statement(
    db,
    `INSERT INTO connections (id, kind, location, secret, poll_seconds, state, reason, synced, watermark, job_id)
     VALUES (?, ?, ?, ?, ?, 'syncing', NULL, NULL, NULL, NULL)`,
  ).run(c.id, c.kind, c.location, c.secret, c.pollSeconds);
}

/** Records a state change (and the job behind it); returns false when the connection is gone. */
export function setConnectionState(
  db: DatabaseSync,
  id: string,
  state: ConnectionState,
  reason: string | null,
  jobId?: string,
): boolean {
  const { changes } =
    jobId === undefined
      ? statement(db, 'UPDATE connections SET state = ?, reason = ? WHERE id = ?').run(
          state,
          reason,
          id,
        )
      : statement(db, 'UPDATE connections SET state = ?, reason = ?, job_id = ? WHERE id = ?').run(
          state,
          reason,
          jobId,
          id,
        );
  return Number(changes) > 0;
}

/** Records a finished sync: its watermark, the time, the store's schema version; state ready. */
export function finishSync(
  db: DatabaseSync,
  id: string,
  watermark: string,
  schemaVersion: number,
  now = new Date(),
): void {
  statement(
    db,
    "UPDATE connections SET state = 'ready', reason = NULL, synced = ?, watermark = ? WHERE id = ?",
  ).run(now.toISOString(), watermark, id);
  statement(db, 'UPDATE sources SET schema_version = ? WHERE id = ?').run(schemaVersion, id);
}
