/** Writes a waste test corpus as a JSON trace document for CLI tests. */
import { writeFileSync } from 'node:fs';
import type { Trace } from '@graphlet/core';
import { stringifyTraceDocument } from '@graphlet/formats';

/** Writes traces as a JSON trace document and returns the path. */
export function writeCorpusJson(path: string, traces: readonly Trace[]): string {
  writeFileSync(path, stringifyTraceDocument([...traces]));
  return path;
}
