/** Answers gzipped JSON as stored: as it is to a client that accepts gzip, else inflated as it streams. */
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import type { Context } from 'hono';

/** The response for gzipped JSON bytes, never compressing nor holding the text whole. */
export function gzippedJson(c: Context, gzipped: Uint8Array): Response {
  c.header('vary', 'accept-encoding');
  c.header('content-type', 'application/json');
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    c.header('content-encoding', 'gzip');
    const bytes = new Uint8Array(
      gzipped.buffer as ArrayBuffer,
      gzipped.byteOffset,
      gzipped.byteLength,
    );
    return c.body(bytes, 200);
  }
  const inflated = Readable.toWeb(Readable.from([gzipped]).pipe(createGunzip()));
  return c.body(inflated as WebReadableStream<Uint8Array> as unknown as ReadableStream, 200);
}
