import type {
  Connection,
  ConnectionCreated,
  ErrorBody,
  GraphletList,
  TraceList,
} from '@graphlet/contract';
import type { Trace } from '@graphlet/core';
import { pipelineRun } from '@graphlet/core/testing';
import { readMlmdStore, writeMlmdStoreTo } from '@graphlet/formats';
import { fixturePath } from '@graphlet/formats/testing';
import { testDatabases } from '@graphlet/formats/testing/databases';
import { createWasteTableBuilder } from '@graphlet/waste';
import { afterAll, describe, expect, it } from 'vitest';
import type { Server } from '../create-app.ts';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import { openDatabase } from '../store/open-database.ts';
import { getTracePayload, listGraphlets } from '../store/trace-queries.ts';

import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

/** Creating and dropping databases may be slow on a loaded machine. */
const HOOK_TIMEOUT = 120_000;
const FIXTURE = 'tfx-1.15-interactive-two-trainers.sqlite';

/** POSTs a connection request; answers status and body. */
async function connect(server: Server, body: object): Promise<{ status: number; text: string }> {
  const response = await server.app.request('/api/connections', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, text: await response.text() };
}

/** Connects and waits for the first sync to finish; answers the connection. */
async function connected(server: Server, body: object): Promise<Connection> {
  const { status, text } = await connect(server, body);
  expect(status, text).toBe(202);
  const created = JSON.parse(text) as ConnectionCreated;
  const job = await waitForJob(server, created.job!.id);
  expect(job, JSON.stringify(job)).toMatchObject({ state: 'done' });
  return connectionOf(server, created.connection.id);
}

async function connectionOf(server: Server, id: string): Promise<Connection> {
  const list = await getJson<{ connections: Connection[] }>(server, '/api/connections');
  const found = list.body.connections.find((c) => c.id === id);
  if (found === undefined) throw new Error(`test: no connection ${id}`);
  return found;
}

/** What a source's traces look like through the API, by pipeline: summary, graphlets, stats, waste table. */
async function sourceView(server: Server, dataDir: string, sourceId: string) {
  const traces = (await getJson<TraceList>(server, '/api/traces')).body.traces
    .filter((t) => t.sourceId === sourceId)
    .sort((a, b) => (a.pipeline < b.pipeline ? -1 : 1));
  const graphlets: Record<string, unknown> = {};
  for (const t of traces) {
    graphlets[t.pipeline] = (
      await getJson<GraphletList>(server, `/api/traces/${t.id}/graphlets`)
    ).body.graphlets;
  }
  const stats = (
    await getJson<unknown>(server, `/api/stats?traces=${traces.map((t) => t.id).join(',')}`)
  ).body;
  const db = openDatabase(dataDir);
  const builder = createWasteTableBuilder();
  try {
    for (const t of traces) {
      const trace = JSON.parse(getTracePayload(db, t.id)!) as Trace;
      builder.add(trace, t.pipeline, listGraphlets(db, t.id).map(toCoreGraphlet));
    }
  } finally {
    db.close();
  }
  const { table, keys } = builder.finish();
  return {
    traces: traces.map(({ id: _, sourceId: __, sourceName: ___, ...rest }) => rest),
    graphlets,
    stats,
    waste: {
      keys,
      rows: table.nRows,
      columns: table.columns.map((c) => [...c]),
      trainer: [...table.trainer],
      pushed: [...table.pushed],
      cost: [...table.cost],
    },
  };
}

describe('connections', () => {
  const databases = testDatabases('server');
  const database = databases.create;
  afterAll(databases.dropAll, HOOK_TIMEOUT);

  it('reads a fixture as an SQLite file in place, from MariaDB and from PostgreSQL: the same graphlets, statistics and waste table as its upload', async () => {
    const traces = readMlmdStore(fixturePath(FIXTURE)).traces;
    const mysql = await database('mysql', 'same');
    const postgres = await database('postgres', 'same');
    await writeMlmdStoreTo(mysql.url, traces);
    await writeMlmdStoreTo(postgres.url, traces);
    await withServer(async (server, dataDir) => {
      const upload = await uploadJson(server, fixturePath(FIXTURE), FIXTURE);
      expect(await waitForJob(server, upload.body.job!.id)).toMatchObject({ state: 'done' });
      const expected = await sourceView(server, dataDir, upload.body.source.id);
      expect(expected.traces.length).toBeGreaterThan(0);
      expect(Object.values(expected.graphlets).flat().length).toBeGreaterThan(1);

      const file = await connected(server, {
        kind: 'sqlite',
        path: fixturePath(FIXTURE),
        name: 'file',
      });
      const my = await connected(server, { kind: 'mysql', url: mysql.url, name: 'mariadb' });
      const pg = await connected(server, { kind: 'postgres', url: postgres.url, name: 'pg' });
      expect(file).toMatchObject({
        state: 'ready',
        kind: 'sqlite',
        traces: expected.traces.length,
      });
      expect(my).toMatchObject({ state: 'ready', schemaVersion: 10 });
      expect(pg).toMatchObject({ state: 'ready', schemaVersion: 10 });
      for (const c of [file, my, pg]) {
        expect(await sourceView(server, dataDir, c.id), c.name).toEqual(expected);
      }
    });
  });

  it('refuses a store of an unknown schema version, naming it', async () => {
    const db = await database('mysql', 'version');
    await writeMlmdStoreTo(db.url, [pipelineRun('p', 0, 0)]);
    await db.admin('UPDATE MLMDEnv SET schema_version = 11');
    await withServer(async (server) => {
      const { status, text } = await connect(server, { kind: 'mysql', url: db.url, name: 'new' });
      expect(status).toBe(422);
      const body = JSON.parse(text) as ErrorBody;
      expect(body.error.code).toBe('unsupported_store');
      expect(body.error.message).toContain('MLMD schema version 11 is not supported');
      expect(
        (await getJson<{ connections: unknown[] }>(server, '/api/connections')).body.connections,
      ).toEqual([]);
    });
  });

  it('checks the request: kinds, url or path', async () => {
    await withServer(async (server) => {
      for (const body of [
        { kind: 'sqlite', url: 'mysql://x@h/db', name: 'a' },
        { kind: 'mysql', path: '/tmp/x.sqlite', name: 'a' },
        { kind: 'mysql', url: 'postgres://x@h/db', name: 'a' },
        { kind: 'oracle', url: 'x', name: 'a' },
      ]) {
        const { status, text } = await connect(server, body);
        expect(status, text).toBe(400);
      }
      const missing = await connect(server, {
        kind: 'sqlite',
        path: '/nonexistent/x.sqlite',
        name: 'a',
      });
      expect(missing.status).toBe(422);
      expect(missing.text).toContain('/nonexistent/x.sqlite');
    });
  });
});
