/**
 * Streams the `file` part of a multipart request to a temp file while hashing (sha256) and
 * counting it; at most two 4 MiB batches of it are held in memory.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { apiError } from '../http/api-error.ts';
import { isStorageFull, storageFullMessage } from '../http/storage-full.ts';
import { MultipartError, MultipartParser, multipartBoundary } from './multipart-parser.ts';

/** Room for part headers and small fields beyond the file itself. */
const OVERHEAD_BYTES = 64 * 1024;

export interface ReceivedUpload {
  /** The temp file holding the bytes; the caller owns it from here. */
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ReceiveOptions {
  readonly tmpDir: string;
  /** The data folder, named when its disk is full. */
  readonly dataDir: string;
  readonly maxBytes: number;
  /** Milliseconds without a byte before the upload is dropped (UPLOAD_IDLE_SECONDS). */
  readonly idleMs: number;
  readonly field?: string;
}

/**
 * Receives the upload from `body` (by default the request's; the Node request itself where the
 * server has it, which spares a copy of every byte); throws 400 (malformed, or the client went
 * away: logged as one info line), 408 (idle too long), 413 (too large), 507 (disk full); the temp
 * file is gone on failure.
 */
export async function receiveUpload(
  request: Request,
  options: ReceiveOptions,
  body: AsyncIterable<Uint8Array> | null = request.body,
): Promise<ReceivedUpload> {
  const field = options.field ?? 'file';
  const boundary = multipartBoundary(request.headers.get('content-type') ?? undefined);
  if (boundary === undefined || body === null) {
    throw apiError(
      400,
      'bad_request',
      `upload: send multipart/form-data with the file in a field named "${field}"`,
    );
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  // The body also carries part headers, so only a declared length far above the limit is refused early.
  if (declared > options.maxBytes + OVERHEAD_BYTES) throw tooLarge(options.maxBytes);

  const path = join(options.tmpDir, `upload-${randomUUID()}`);
  const file = await open(path, 'wx').catch((error: unknown) => {
    throw storageAnswer(error, options);
  });
  const hash = createHash('sha256');
  const writes = new BatchedWrites(file, (error) => storageAnswer(error, options));
  let size = 0;
  let received = 0;
  let name: string | undefined;
  let inFile = false;
  let kept = false;
  const chunks = body[Symbol.asyncIterator]();
  try {
    const parser = new MultipartParser(boundary);
    for (;;) {
      const { done, value } = await readWithin(chunks, options.idleMs);
      if (done) break;
      // Other fields are discarded, but the body as a whole is bounded too.
      received += value.length;
      if (received > options.maxBytes + OVERHEAD_BYTES) throw tooLarge(options.maxBytes);
      for (const event of parser.push(value)) {
        if (event.type === 'part') {
          inFile = name === undefined && event.name === field;
          if (inFile) name = event.filename ?? field;
        } else if (event.type === 'data' && inFile) {
          size += event.data.length;
          if (size > options.maxBytes) throw tooLarge(options.maxBytes);
          hash.update(event.data);
          await writes.add(event.data);
        }
      }
    }
    parser.end();
    await writes.finish();
    if (name === undefined) {
      throw apiError(
        400,
        'bad_request',
        `upload: the form has no field named "${field}"; put the file there`,
      );
    }
    kept = true;
    return {
      path,
      name: name === '' ? 'upload' : name,
      sha256: hash.digest('hex'),
      size,
    };
  } catch (error) {
    if (error instanceof MultipartError)
      throw apiError(400, 'bad_request', `upload: ${error.message}`);
    if (request.signal.aborted || isClientGone(error)) {
      // Not the server's fault and not worth a stack trace: one line at info level.
      console.info(`upload: the client went away after ${received} bytes; upload dropped`);
      throw apiError(400, 'bad_request', 'upload: the client closed the connection');
    }
    throw error;
  } finally {
    await writes.settled();
    await file.close();
    if (!kept) {
      // Not awaited: a read still pending (an idle client) settles only when the socket closes.
      void chunks.return?.()?.catch(() => {});
      await rm(path, { force: true });
    }
  }
}

/**
 * The body of the Node request a Hono context's `env` holds when @hono/node-server serves the
 * app (not yet read), else undefined. Read directly, its chunks reach the parser uncopied, where
 * the Web stream over it copies each one; stopping early leaves the socket open for the answer.
 */
export function nodeRequestBody(env: unknown): AsyncIterable<Uint8Array> | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  if (!(incoming instanceof IncomingMessage) || incoming.readableDidRead) return undefined;
  return incoming.iterator({ destroyOnReturn: false });
}

/** Bytes gathered before a write: a write per network chunk (64 KiB) waited on the disk each time. */
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;
const WRITE_BATCH_PIECES = 1024;

/**
 * Writes to the file in batches, one write in flight while the next batch gathers, so receiving
 * and writing overlap; at most two batches are held.
 */
class BatchedWrites {
  private readonly file: FileHandle;
  private readonly failure: (error: unknown) => unknown;
  private batch: Buffer[] = [];
  private bytes = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(file: FileHandle, failure: (error: unknown) => unknown) {
    this.file = file;
    this.failure = failure;
  }

  /** Adds bytes (kept until written: the parser never reuses them); waits only when a batch is full. */
  async add(data: Buffer): Promise<void> {
    this.batch.push(data);
    this.bytes += data.length;
    // Small pieces (a client sending a few bytes at a time) are bounded by count too.
    if (this.bytes >= WRITE_BATCH_BYTES || this.batch.length >= WRITE_BATCH_PIECES)
      await this.flush();
  }

  /** Writes what is gathered and waits until every byte is on the file. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Waits for the write in flight, failed or not (before the file closes). */
  settled(): Promise<void> {
    return this.inFlight.catch(() => {});
  }

  /** Writes every byte: after a short write (a disk filling up), the rest until the disk says why. */
  private async writeAll(buffers: Buffer[]): Promise<void> {
    const total = buffers.reduce((sum, b) => sum + b.length, 0);
    const { bytesWritten } = await this.file.writev(buffers);
    if (bytesWritten === total) return;
    const rest = Buffer.concat(buffers).subarray(bytesWritten);
    for (let at = 0; at < rest.length; ) {
      const written = (await this.file.write(rest, at)).bytesWritten;
      if (written === 0) throw new Error('upload: the temp file took no more bytes');
      at += written;
    }
  }

  private async flush(): Promise<void> {
    await this.inFlight;
    if (this.bytes === 0) return;
    const buffers = this.batch;
    this.batch = [];
    this.bytes = 0;
    this.inFlight = this.writeAll(buffers).catch((error: unknown) => {
      throw this.failure(error);
    });
    // Awaited by the next flush or by finish; a failure meanwhile is not an unhandled rejection.
    this.inFlight.catch(() => {});
  }
}

/** The next chunk, or a 408 when none arrives within `idleMs`. */
async function readWithin<T>(chunks: AsyncIterator<T>, idleMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<never>((_, reject) => {
    // Rejected after the next I/O poll: when the event loop itself was held up past `idleMs`,
    // data that arrived meanwhile is read first and wins the race.
    timer = setTimeout(
      () =>
        setImmediate(() =>
          reject(
            apiError(
              408,
              'request_timeout',
              `upload: nothing arrived for ${idleMs / 1000} s (UPLOAD_IDLE_SECONDS); the upload was dropped`,
            ),
          ),
        ),
      idleMs,
    );
  });
  try {
    return await Promise.race([chunks.next(), idle]);
  } finally {
    clearTimeout(timer);
  }
}

/** A full disk as 507 naming the data folder (never the temp file); other errors unchanged. */
function storageAnswer(error: unknown, options: ReceiveOptions): unknown {
  if (!isStorageFull(error)) return error;
  const message = storageFullMessage('upload', options.dataDir, 'the upload was not kept');
  return apiError(507, 'insufficient_storage', message);
}

/** Errors of a request body whose connection closed before it ended. */
function isClientGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR';
}

function tooLarge(max: number) {
  return apiError(
    413,
    'payload_too_large',
    `upload: the file is larger than the limit of ${max} bytes (MAX_UPLOAD_BYTES); a store on the server's disk can be connected by path instead, with no size limit (POST /api/connections, kind sqlite)`,
    {
      maxUploadBytes: max,
    },
  );
}
