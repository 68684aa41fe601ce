/**
 * Reliability: what users can cause answers a clear code, never `internal`: a full disk (a real
 * 2 MiB tmpfs when running as root), deep property values, a byte order mark, a dropped or
 * stalled upload; temp file names never show.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Trace } from '@graphlet/core';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { stringifyTraceDocument } from '@graphlet/formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  finished,
  type Loopback,
  multipart,
  sourceIds,
  startLoopback,
  tempFiles,
  uploadBytes,
} from './loopback-server.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const traceJson = (trace: Trace) => stringifyTraceDocument([trace]);

/** A trace whose first execution has a property nested `depth` objects deep. */
function deepTrace(depth: number): string {
  const trace = syntheticTraceForBench(1);
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { deeper: value };
  const first = trace.executions[0]!;
  const executions = [
    { ...first, properties: { ...first.properties, config: value } },
    ...trace.executions.slice(1),
  ];
  // Built as text: JSON.stringify of a 10,000-deep value would overflow the test's own stack.
  const text = traceJson({
    ...trace,
    executions: executions.map((e, i) => (i === 0 ? { ...e, properties: {} } : e)),
  } as Trace);
  const nested = `${'{"deeper":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return text.replace('"properties":{}', `"properties":{"config":${nested}}`);
}

describe('clear errors', () => {
  let lo: Loopback;
  beforeAll(async () => {
    lo = await startLoopback({ uploadIdleSeconds: 0.5 });
  });
  afterAll(() => lo.stop());

  it('refuses property values nested too deep as invalid_file naming the property, and keeps the store', async () => {
    for (const depth of [5000, 10_000]) {
      const before = await sourceIds(lo.base);
      const { status, body } = await uploadBytes(
        lo.base,
        encode(deepTrace(depth)),
        `deep-${depth}.json`,
      );
      expect(status).toBe(202);
      const job = await finished(lo.base, body.job!.id);
      expect(job.state).toBe('failed');
      expect(job.error?.code).toBe('invalid_file');
      expect(job.error?.message).toContain(`deep-${depth}.json`);
      expect(job.error?.message).toContain('properties.config');
      expect(await sourceIds(lo.base)).toEqual(before);
    }
  });

  it('imports JSON that starts with a byte order mark', async () => {
    const { status, body } = await uploadBytes(
      lo.base,
      encode(`\uFEFF${traceJson(syntheticTraceForBench(2))}`),
      'bom.json',
    );
    expect(status).toBe(202);
    const job = await finished(lo.base, body.job!.id);
    expect(job).toMatchObject({ state: 'done' });
  });

  it('logs a dropped upload as one info line without a stack, and removes its temp file', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { body, contentType } = multipart(new Uint8Array(1 << 20), 'dropped.sqlite');
      await new Promise<void>((resolve) => {
        const socket = connect(lo.port, '127.0.0.1', () => {
          socket.write(
            `POST /api/sources HTTP/1.1\r\nHost: 127.0.0.1:${lo.port}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
          );
          socket.write(body.subarray(0, 200_000), () => setTimeout(() => socket.destroy(), 100));
        });
        socket.on('close', () => resolve());
      });
      await expect.poll(() => info.mock.calls.length, { timeout: 5000 }).toBe(1);
      expect(String(info.mock.calls[0]![0])).toMatch(
        /^upload: the client went away after \d+ bytes/,
      );
      expect(error).not.toHaveBeenCalled();
      await expect.poll(() => tempFiles(lo.dataDir), { timeout: 5000 }).toEqual([]);
    } finally {
      info.mockRestore();
      error.mockRestore();
    }
  });

  it('drops an upload that stalls past UPLOAD_IDLE_SECONDS with 408 and removes its temp file', async () => {
    const { body, contentType } = multipart(new Uint8Array(100_000), 'slow.sqlite');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect(lo.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/sources HTTP/1.1\r\nHost: 127.0.0.1:${lo.port}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`,
        );
        socket.write(body.subarray(0, 50_000)); // then nothing
      });
      socket.on('data', (d) => {
        text += d.toString();
        if (text.includes('}}')) {
          socket.destroy();
          resolve(text);
        }
      });
    });
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(answer).toContain('"code":"request_timeout"');
    expect(answer).toContain('UPLOAD_IDLE_SECONDS');
    await expect.poll(() => tempFiles(lo.dataDir), { timeout: 5000 }).toEqual([]);
  });

  it('answers 413 to an upload that grows past MAX_UPLOAD_BYTES while its client still sends', async () => {
    const small = await startLoopback({ maxUploadBytes: 1 << 20 });
    try {
      const { body, contentType } = multipart(new Uint8Array(8 << 20), 'big.sqlite');
      const answer = await new Promise<string>((resolve) => {
        let text = '';
        // Chunked, so no declared length lets the server refuse it before reading.
        const socket = connect(small.port, '127.0.0.1', () => {
          socket.write(
            `POST /api/sources HTTP/1.1\r\nHost: 127.0.0.1:${small.port}\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`,
          );
          for (let at = 0; at < body.length; at += 64 * 1024) {
            const piece = body.subarray(at, at + 64 * 1024);
            socket.write(`${piece.length.toString(16)}\r\n`);
            socket.write(piece);
            socket.write('\r\n');
          }
          socket.write('0\r\n\r\n');
        });
        socket.on('data', (d) => {
          text += d.toString();
        });
        socket.on('error', () => {});
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1.1 413/);
      expect(answer).toContain('"code":"payload_too_large"');
      await expect.poll(() => tempFiles(small.dataDir), { timeout: 5000 }).toEqual([]);
    } finally {
      await small.stop();
    }
  });

  it('never names an upload temp file in an error', async () => {
    const bad: [string, Uint8Array][] = [
      ['garbage.bin', encode('not a trace at all')],
      ['broken.json', encode('{"format": ')],
      ['short.sqlite', new Uint8Array([...encode('SQLite format 3\0'), ...new Uint8Array(200)])],
      ['empty-store.sqlite', emptySqliteFile()],
    ];
    for (const [name, bytes] of bad) {
      const { status, body } = await uploadBytes(lo.base, bytes, name);
      const message =
        status === 202
          ? (await finished(lo.base, body.job!.id)).error?.message
          : body.error?.message;
      expect(message, name).toBeDefined();
      expect(message, name).toContain(name);
      expect(message, name).not.toMatch(/upload-[0-9a-f]{8}-|\/tmp\//);
    }
  });
});

/** A valid SQLite file that is not an MLMD store. */
function emptySqliteFile(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'graphlet-empty-'));
  try {
    const path = join(dir, 'x.sqlite');
    const db = new DatabaseSync(path);
    db.exec('CREATE TABLE t (x)');
    db.close();
    return new Uint8Array(execFileSync('cat', [path]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN); else the injected test stands alone. */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'graphlet-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

// Without the right to mount, src/import/importer-disk-full.test.ts injects SQLITE_FULL instead.
describe.skipIf(!canMountTmpfs())('a full disk (2 MiB tmpfs as the data folder)', () => {
  let mount: string;
  let lo: Loopback;
  beforeAll(async () => {
    mount = mkdtempSync(join(tmpdir(), 'graphlet-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]);
    lo = await startLoopback({}, mount);
  });
  afterAll(async () => {
    await lo?.stop();
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  it('answers 507 insufficient_storage naming the folder when an upload fills the disk, and keeps the store', async () => {
    const small = await uploadBytes(
      lo.base,
      encode(traceJson(syntheticTraceForBench(2))),
      'small.json',
    );
    expect(await finished(lo.base, small.body.job!.id)).toMatchObject({ state: 'done' });
    const before = await sourceIds(lo.base);
    const { status, body } = await uploadBytes(
      lo.base,
      new Uint8Array(3 << 20).fill(32),
      'big.json',
    );
    expect(status).toBe(507);
    expect(body.error).toMatchObject({ code: 'insufficient_storage' });
    expect(body.error!.message).toContain(mount);
    expect(body.error!.message).not.toMatch(/upload-[0-9a-f]{8}-/);
    expect(tempFiles(mount)).toEqual([]);
    expect(await sourceIds(lo.base)).toEqual(before);
  });

  it('fails the import job insufficient_storage when its write fills the disk, and keeps the store', async () => {
    const before = await sourceIds(lo.base);
    // ~1.1 MiB of JSON fits as an upload; its stored payload, layout and graphlets do not (at
    // 0.55 MiB they fit since import workers copy their WAL into the store file: the WAL restarts).
    const { status, body } = await uploadBytes(
      lo.base,
      encode(traceJson(syntheticTraceForBench(240))),
      'large.json',
    );
    expect(status).toBe(202);
    const job = await finished(lo.base, body.job!.id);
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('insufficient_storage');
    expect(job.error?.message).toContain(mount);
    expect(await sourceIds(lo.base)).toEqual(before);
    expect((await fetch(`${lo.base}/api/traces`)).status).toBe(200);
  });
});
