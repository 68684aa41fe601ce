import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorBody, SourceList, TraceList, UploadResponse } from '@graphlet/contract';
import { TraceBuilder } from '@graphlet/core';
import { readTraceFile, stringifyTraceDocument } from '@graphlet/formats';
import { fixturePath, MLMD_FIXTURES } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import {
  getJson,
  upload,
  uploadJson,
  waitForJob,
  withServer,
} from '../test-support/test-server.ts';

describe('POST /api/sources', () => {
  it.each(MLMD_FIXTURES)('imports %s in a job and lists its traces', async (name) => {
    await withServer(async (server) => {
      const { status, body } = await uploadJson(server, fixturePath(name), name);
      expect(status).toBe(202);
      expect(body.job?.state).toMatch(/queued|running/);
      const job = await waitForJob(server, body.job!.id);
      expect(job).toMatchObject({ state: 'done', kind: 'import' });
      expect(job.progress.bytesRead).toBe(readFileSync(fixturePath(name)).length);
      expect(job.progress.tracesImported).toBe(job.progress.tracesTotal);

      const sources = await getJson<SourceList>(server, '/api/sources');
      expect(sources.body.sources).toEqual([
        expect.objectContaining({
          id: body.source.id,
          name,
          kind: 'mlmd',
          size: readFileSync(fixturePath(name)).length,
        }),
      ]);
      const traces = await getJson<TraceList>(server, '/api/traces');
      expect(traces.body.traces.length).toBe(sources.body.sources[0]!.traces);
      expect(traces.body.traces.length).toBeGreaterThan(0);
      for (const t of traces.body.traces)
        expect(t).toMatchObject({ sourceId: body.source.id, sourceName: name });
      expect(job.progress.graphletsFound).toBe(
        traces.body.traces.reduce((n, t) => n + t.graphlets, 0),
      );
    });
  });

  it('reads a body arriving in small chunks, boundaries split across them', async () => {
    await withServer(async (server) => {
      const name = 'tfx-0.22-chicago-taxi-schema-v4.sqlite';
      const file = readFileSync(fixturePath(name));
      const form = new FormData();
      form.append('file', new Blob([file]), name);
      const encoded = new Response(form);
      const bytes = new Uint8Array(await encoded.arrayBuffer());
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(at, at + 997));
          at += 997;
        },
      });
      const response = await server.app.request('/api/sources', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-type': encoded.headers.get('content-type')! },
      } as RequestInit);
      expect(response.status).toBe(202);
      const answer = (await response.json()) as UploadResponse;
      expect(await waitForJob(server, answer.job!.id)).toMatchObject({ state: 'done' });
      const [source] = (await getJson<SourceList>(server, '/api/sources')).body.sources;
      expect(source).toMatchObject({
        size: file.length,
        sha256: createHash('sha256').update(file).digest('hex'),
      });
    });
  });

  it('answers the same source for the same file, without a second import', async () => {
    await withServer(async (server, dir) => {
      const file = fixturePath('tfx-1.15-interactive-two-trainers.sqlite');
      const first = await uploadJson(server, file, 'a.sqlite');
      await waitForJob(server, first.body.job!.id);
      const again = await uploadJson(server, file, 'renamed.sqlite');
      expect(again.status).toBe(200);
      expect(again.body.source.id).toBe(first.body.source.id);
      expect(again.body.job).toMatchObject({ id: first.body.job!.id, state: 'done' });
      expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toHaveLength(1);
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    });
  });

  it('imports concurrent uploads, deduplicating the same file sent twice at once', async () => {
    await withServer(async (server) => {
      const twice = fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite');
      const answers = await Promise.all([
        ...MLMD_FIXTURES.map((name) => uploadJson(server, fixturePath(name), name)),
        uploadJson(server, twice, 'again.sqlite'),
      ]);
      const ids = answers.map((a) => a.body.source.id);
      expect(new Set(ids).size).toBe(MLMD_FIXTURES.length);
      expect(ids.at(-1)).toBe(ids[0]);
      const jobs = await Promise.all(answers.map((a) => waitForJob(server, a.body.job!.id)));
      expect(jobs.every((j) => j.state === 'done')).toBe(true);
      const { body } = await getJson<SourceList>(server, '/api/sources');
      expect(body.sources.map((s) => s.id).sort()).toEqual([...new Set(ids)].sort());
    });
  });
});

describe('POST /api/sources with JSON traces', () => {
  it('imports the JSON trace format, recognised by content, and a cyclic trace fails the job', async () => {
    await withServer(async (server) => {
      const { traces } = readTraceFile(fixturePath('tfx-1.15-interactive-two-trainers.sqlite'));
      const json = Buffer.from(`\n  ${stringifyTraceDocument(traces, { pretty: true })}`);
      const { status, body } = await uploadJson(server, json, 'traces.bin');
      expect(status).toBe(202);
      expect(await waitForJob(server, body.job!.id)).toMatchObject({
        state: 'done',
        progress: { graphletsFound: 2 },
      });
      expect((await getJson<SourceList>(server, '/api/sources')).body.sources[0]).toMatchObject({
        kind: 'json',
        schemaVersion: null,
      });

      const b = new TraceBuilder('loop');
      const first = b.execution('Transform');
      const a = b.output(first, 'Examples');
      const second = b.execution('Trainer', { inputs: [a] });
      const back = b.output(second, 'Model');
      b.link(first, back, 'input');
      const cyclic = await uploadJson(
        server,
        Buffer.from(stringifyTraceDocument([b.build()])),
        'loop.json',
      );
      const job = await waitForJob(server, cyclic.body.job!.id);
      expect(job.error).toMatchObject({ code: 'invalid_file' });
      expect(job.error?.message).toMatch(/loop\.json: .*not a DAG.*; provenance must be acyclic$/);

      // A malformed trace (two executions with one id) is the file's fault too, not internal.
      const twice = new TraceBuilder('twice');
      twice.execution('Trainer', { id: 3 });
      twice.execution('Pusher', { id: 3 });
      const malformed = await uploadJson(
        server,
        Buffer.from(stringifyTraceDocument([twice.build()])),
        'twice.json',
      );
      expect(await waitForJob(server, malformed.body.job!.id)).toMatchObject({
        state: 'failed',
        error: { code: 'invalid_file', message: expect.stringMatching(/^import: twice\.json: /) },
      });
    });
  });
});

describe('POST /api/sources errors', () => {
  const expectError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toMatch(/\n\s+at /);
    return body;
  };

  it('400 without a multipart body or without the file field', async () => {
    await withServer(async (server) => {
      const json = await server.app.request('/api/sources', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      await expectError(json, 400, 'bad_request');
      const body = await expectError(
        await upload(server, Buffer.from('{}'), 'x.json', { field: 'data' }),
        400,
        'bad_request',
      );
      expect(body.error.message).toContain('"file"');
    });
  });

  it('400 for a multipart body cut before its end', async () => {
    await withServer(async (server, dir) => {
      const form = new FormData();
      form.append('file', new Blob(['{"a": 1}']), 'a.json');
      const encoded = new Response(form);
      const bytes = Buffer.from(await encoded.arrayBuffer());
      const response = await server.app.request('/api/sources', {
        method: 'POST',
        body: bytes.subarray(0, bytes.length - 20),
        headers: { 'content-type': encoded.headers.get('content-type')! },
      });
      const body = await expectError(response, 400, 'bad_request');
      expect(body.error.message).toMatch(/ended before the closing boundary/);
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    });
  });

  it('413 when other fields carry the bulk of the body', async () => {
    await withServer(
      async (server) => {
        const form = new FormData();
        form.append('padding', 'x'.repeat(200_000));
        form.append('file', new Blob(['{}']), 'small.json');
        const response = await server.app.request('/api/sources', { method: 'POST', body: form });
        await expectError(response, 413, 'payload_too_large');
      },
      { maxUploadBytes: 1000 },
    );
  });

  it('413 at once when the declared length is far over the limit', async () => {
    await withServer(
      async (server) => {
        const response = await server.app.request('/api/sources', {
          method: 'POST',
          body: 'x',
          headers: {
            'content-type': 'multipart/form-data; boundary=b',
            'content-length': String(10 ** 9),
          },
        });
        await expectError(response, 413, 'payload_too_large');
      },
      { maxUploadBytes: 1000 },
    );
  });

  it('413 over MAX_UPLOAD_BYTES, leaving no temp file', async () => {
    await withServer(
      async (server, dir) => {
        const body = await expectError(
          await upload(server, fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite')),
          413,
          'payload_too_large',
        );
        expect(body.error.message).toContain('MAX_UPLOAD_BYTES');
        expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
      },
      { maxUploadBytes: 50_000 },
    );
  });

  it('415 for content that is neither SQLite nor JSON, whatever its name', async () => {
    await withServer(async (server, dir) => {
      await expectError(
        await upload(server, Buffer.from('name,value\n1,2\n'), 'store.sqlite'),
        415,
        'unsupported_media_type',
      );
      await expectError(
        await upload(server, Buffer.from('  <trace/>'), 'trace.json'),
        415,
        'unsupported_media_type',
      );
      // A byte order mark's bytes count as space only at the very start (formats' one sniffer).
      const stray = await expectError(
        await upload(server, Buffer.from([0x20, 0xbb, 0x7b, 0x7d]), 'stray.json'),
        415,
        'unsupported_media_type',
      );
      expect(stray.error.message).toMatch(/^upload: stray\.json: not an SQLite database or JSON/);
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    });
  });

  it('422 at once for a truncated SQLite store', async () => {
    await withServer(async (server) => {
      const whole = readFileSync(fixturePath('tfx-1.15-interactive-two-trainers.sqlite'));
      const body = await expectError(
        await upload(server, whole.subarray(0, 100_000), 'cut.sqlite'),
        422,
        'invalid_file',
      );
      expect(body.error.message).toMatch(/cut\.sqlite: .*truncated/);
    });
  });

  it('fails the job with invalid_file for SQLite that is not MLMD, and for broken JSON', async () => {
    await withServer(async (server, dir) => {
      const { DatabaseSync } = await import('node:sqlite');
      const path = join(dir, 'other.sqlite');
      const other = new DatabaseSync(path);
      other.exec(
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('hi')",
      );
      other.close();
      for (const [content, name] of [
        [readFileSync(path), 'other.sqlite'],
        [Buffer.from('{"format": "graphlet-explorer/trace", "traces": [ {'), 'broken.json'],
      ] as const) {
        const { status, body } = await uploadJson(server, content, name);
        expect(status).toBe(202);
        const job = await waitForJob(server, body.job!.id);
        expect(job.state).toBe('failed');
        expect(job.error?.code).toBe('invalid_file');
        expect(job.error?.message).toContain(name);
        expect(job.error?.message).not.toContain(join(dir, 'tmp'));
      }
      expect((await getJson<SourceList>(server, '/api/sources')).body.sources).toEqual([]);
      expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    });
  });
});

describe('DELETE /api/sources/:id', () => {
  it('removes the source with its traces; a second delete is 404', async () => {
    await withServer(async (server) => {
      const { body } = await uploadJson(
        server,
        fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite'),
      );
      await waitForJob(server, body.job!.id);
      const traces = (await getJson<TraceList>(server, '/api/traces')).body.traces;
      expect(
        (await server.app.request(`/api/sources/${body.source.id}`, { method: 'DELETE' })).status,
      ).toBe(204);
      expect((await getJson<TraceList>(server, '/api/traces')).body.traces).toEqual([]);
      expect((await server.app.request(`/api/traces/${traces[0]!.id}`)).status).toBe(404);
      const again = await server.app.request(`/api/sources/${body.source.id}`, {
        method: 'DELETE',
      });
      expect(again.status).toBe(404);
      expect(((await again.json()) as ErrorBody).error.code).toBe('not_found');
    });
  });
});
