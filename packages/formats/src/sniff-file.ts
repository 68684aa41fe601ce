/**
 * Detects what a file holds from its content, never its name: an SQLite database (whose header
 * must agree with the file's size) or a JSON document (`{` or `[`), then which JSON format (the
 * project's trace document, OpenLineage events, PROV-JSON, a Kubeflow Pipelines run) from the
 * parsed document's top-level keys. The one sniffer of the CLI, the server's upload check and
 * the readers.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FormatError } from './format-error.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const CHUNK_BYTES = 64 * 1024;

/** What a file looks like from its content. */
export type FileKind = 'sqlite' | 'json';

/**
 * The kind of `path` by content; throws FormatError not_found, not_sqlite (neither kind) or
 * truncated (an SQLite header that contradicts the size).
 */
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
    const stat = fstatSync(fd);
    // Linux opens a folder for reading; reading it then fails.
    if (stat.isDirectory()) throw new FormatError('not_found', path, 'is a directory, not a file');
    const size = stat.size;
    const head = new Uint8Array(Math.min(size, CHUNK_BYTES));
    readSync(fd, head, 0, head.length, 0);
    if (Buffer.from(head.subarray(0, 16)).toString('latin1') === SQLITE_MAGIC) {
      const problem = sqliteSizeProblem(head, size);
      if (problem !== undefined) throw new FormatError('truncated', path, problem);
      return 'sqlite';
    }
    const first = firstNonSpace(fd, head, size);
    if (first === 0x7b || first === 0x5b) return 'json';
    throw new FormatError(
      'not_sqlite',
      path,
      'not an SQLite database or JSON trace (expected an MLMD store such as metadata.sqlite, or a JSON trace document)',
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * Why an SQLite file of `size` bytes cannot be whole, from its 100-byte header (page size at
 * offset 16, page count at 28, valid when the change counter at 24 equals offset 92). A file cut
 * short keeps a valid header; SQLite may then read some tables and fail (or silently miss rows)
 * on others, so the size is checked up front.
 */
function sqliteSizeProblem(head: Uint8Array, size: number): string | undefined {
  const hint = 'copy the whole file after the pipeline has stopped writing';
  if (size < HEADER_BYTES) {
    return `truncated or corrupt SQLite file (${size} bytes; its header alone is ${HEADER_BYTES}); ${hint}`;
  }
  const view = new DataView(head.buffer, head.byteOffset, HEADER_BYTES);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    return `truncated or corrupt SQLite file (the header's page size ${rawPageSize} is not a power of two from 512 to 65536)`;
  }
  const pages = view.getUint32(28);
  const countValid = pages > 0 && view.getUint32(92) === view.getUint32(24);
  if (countValid && size < pages * pageSize) {
    return `truncated or corrupt SQLite file (${size} bytes, header declares ${pages} pages of ${pageSize} bytes); ${hint}`;
  }
  if (size % pageSize !== 0) {
    return `truncated or corrupt SQLite file (${size} bytes is not a whole number of ${pageSize}-byte pages); ${hint}`;
  }
  return undefined;
}

/** The first byte after an optional UTF-8 byte order mark and JSON whitespace, read on as needed. */
function firstNonSpace(fd: number, head: Uint8Array, size: number): number | undefined {
  let chunk = head;
  let offset = 0;
  // A byte order mark counts only at the very start.
  let i = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
  for (;;) {
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
    }
    offset += chunk.length;
    if (offset >= size || chunk.length === 0) return undefined;
    chunk = new Uint8Array(Math.min(CHUNK_BYTES, size - offset));
    chunk = chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, offset));
    i = 0;
  }
}

/** The JSON formats the readers understand. */
export type JsonFormat = 'trace' | 'openlineage' | 'prov' | 'kfp';

const PROV_KEYS = [
  'entity',
  'activity',
  'agent',
  'used',
  'wasGeneratedBy',
  'wasDerivedFrom',
  'wasAssociatedWith',
  'bundle',
];

/**
 * Which JSON format a parsed document is, by its top-level keys; undefined when none: a trace
 * document has `format`, OpenLineage events `eventTime` (an object, or an array of them), a
 * Kubeflow Pipelines run `run_details` (or a `runs` list of them), PROV-JSON its record kinds.
 */
export function sniffJsonFormat(value: unknown): JsonFormat | undefined {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (isObject(first) && 'eventTime' in first) return 'openlineage';
    if (isObject(first) && isKfpRun(first)) return 'kfp';
    return undefined;
  }
  if (!isObject(value)) return undefined;
  if ('format' in value && 'traces' in value) return 'trace';
  if ('eventTime' in value) return 'openlineage';
  if (
    isKfpRun(value) ||
    (Array.isArray(value.runs) && value.runs.some((r) => isObject(r) && isKfpRun(r)))
  )
    return 'kfp';
  if (PROV_KEYS.some((k) => k in value)) return 'prov';
  return undefined;
}

function isKfpRun(o: Record<string, unknown>): boolean {
  return 'run_details' in o || 'runDetails' in o;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
