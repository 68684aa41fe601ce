/** Recognises an upload by its first bytes, not its name: an SQLite database or a JSON document. */
import type { SourceKind } from '@graphlet/contract';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Bytes of the SQLite header the checks below read. */
export const SQLITE_HEADER_BYTES = 100;

/** 'mlmd' for an SQLite file (MLMD-ness is checked on import), 'json' when the first non-space byte is `{`. */
export function sniffKind(head: Buffer, firstNonSpace: number | undefined): SourceKind | undefined {
  if (
    head.length >= SQLITE_MAGIC.length &&
    head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)
  ) {
    return 'mlmd';
  }
  return firstNonSpace === 0x7b ? 'json' : undefined;
}

/** True for JSON whitespace and the UTF-8 byte order mark's bytes, which may precede `{`. */
export function isLeadingSpace(byte: number): boolean {
  return (
    byte === 0x20 ||
    byte === 0x09 ||
    byte === 0x0a ||
    byte === 0x0d ||
    byte === 0xef ||
    byte === 0xbb ||
    byte === 0xbf
  );
}

/**
 * Why an SQLite file of `size` bytes is evidently truncated, from its 100-byte header (page size
 * at offset 16, page count at 28, valid when the change counter at 24 equals offset 92), or undefined.
 */
export function sqliteTruncation(head: Buffer, size: number): string | undefined {
  if (size < SQLITE_HEADER_BYTES || head.length < SQLITE_HEADER_BYTES) {
    return `the file is an SQLite database cut off after ${size} bytes (its header alone is 100 bytes)`;
  }
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    return `the SQLite header is damaged (page size ${raw}); upload the original file`;
  }
  const pages = head.readUInt32BE(28);
  const countValid = pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92);
  if (size % pageSize !== 0 || (countValid && size < pages * pageSize)) {
    const expected = countValid ? pages * pageSize : Math.ceil(size / pageSize) * pageSize;
    return `the SQLite database is truncated: ${size} bytes of ${expected}; upload the whole file (copy it after the pipeline has stopped writing)`;
  }
  return undefined;
}
