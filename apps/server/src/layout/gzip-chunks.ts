/**
 * Gzip of text handed over in chunks, on the calling thread, without holding the text whole: each
 * chunk is deflated on its own and flushed to a byte boundary (as pigz does), so the pieces join
 * into one deflate stream; one gzip header and trailer (CRC-32, length) frame it (RFC 1952).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Magic, deflate, no flags, no time, no extra flags, OS unknown. */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/** The chunks' text (UTF-8) as one gzip member; compression loses little with chunks of ~1 MB. */
export function gzipChunksSync(chunks: Iterable<string>): Buffer {
  const parts: Buffer[] = [HEADER];
  let crc = 0;
  let length = 0;
  let pending: Buffer | undefined;
  for (const chunk of chunks) {
    if (pending !== undefined) {
      parts.push(deflateRawSync(pending, { finishFlush: constants.Z_SYNC_FLUSH }));
    }
    pending = Buffer.from(chunk);
    crc = crc32(pending, crc);
    length += pending.length;
  }
  // The last chunk ends the stream (its final block); an empty text still makes one.
  parts.push(deflateRawSync(pending ?? Buffer.alloc(0)));
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}
