/** Temporary directories for tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new empty temporary directory; returns a function joining names onto it. */
export function tempDir(prefix = 'graphlet-formats-'): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return (name) => join(dir, name);
}
