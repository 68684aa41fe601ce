/** Reading a JSON file's text and parsing it, with the format errors every JSON importer gives. */
import { readFileSync } from 'node:fs';
import { FormatError } from './format-error.ts';

/** Parses JSON text; not JSON is an `invalid_json` error naming `file` (and `what`, e.g. a line). */
export function parseJson(text: string, file: string, what?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = `not valid JSON (${(error as Error).message})`;
    throw new FormatError(
      'invalid_json',
      file,
      what === undefined ? message : `${what}: ${message}`,
    );
  }
}

/** The UTF-8 text of a file; a missing or unreadable file is a `not_found` error. */
export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FormatError(
      'not_found',
      path,
      code === 'ENOENT' ? 'no such file' : `cannot read (${code})`,
    );
  }
}
