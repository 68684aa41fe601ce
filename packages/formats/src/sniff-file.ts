/** Detects what a file holds from its first bytes: an SQLite database or a JSON document. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FormatError } from './format-error.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const SNIFF_BYTES = 4096;

/** What a file looks like from its content. */
export type FileKind = 'sqlite' | 'json';

/** The kind of `path` by content; throws FormatError not_found, not_sqlite or truncated. */
export function sniffFile(path: string): FileKind {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new FormatError('not_found', path, 'no such file');
    if (code === 'EISDIR') throw new FormatError('not_found', path, 'is a directory, not a file');
    throw new FormatError('not_found', path, `cannot open (${code ?? String(error)})`);
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
    readSync(fd, head, 0, head.length, 0);
    if (Buffer.from(head.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC) {
      checkSqliteSize(path, head, size);
      return 'sqlite';
    }
    if (firstNonSpace(head) === 0x7b) return 'json';
    throw new FormatError('not_sqlite', path, 'not an SQLite database or JSON trace');
  } finally {
    closeSync(fd);
  }
}

/**
 * A file cut short keeps a valid header but fewer pages than the header declares; SQLite may
 * then read some tables and fail (or silently miss rows) on others, so check the size up front.
 */
function checkSqliteSize(path: string, head: Uint8Array, size: number): void {
  if (size < HEADER_BYTES) {
    throw new FormatError('truncated', path, `truncated or corrupt SQLite file (${size} bytes)`);
  }
  const view = new DataView(head.buffer, head.byteOffset, HEADER_BYTES);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = view.getUint32(28);
  // The in-header page count is valid only when version-valid-for equals the change counter.
  const countValid = view.getUint32(92) === view.getUint32(24);
  if (countValid && pages > 0 && size < pages * pageSize) {
    throw new FormatError(
      'truncated',
      path,
      `truncated or corrupt SQLite file (${size} bytes, header declares ${pages} pages of ${pageSize} bytes)`,
    );
  }
  if (pageSize >= 512 && size % pageSize !== 0) {
    throw new FormatError(
      'truncated',
      path,
      `truncated or corrupt SQLite file (${size} bytes is not a whole number of ${pageSize}-byte pages)`,
    );
  }
}

function firstNonSpace(bytes: Uint8Array): number | undefined {
  let i = 0;
  // Skip a UTF-8 byte order mark.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}
