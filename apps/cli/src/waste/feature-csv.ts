/** Writes the waste feature CSV (@graphlet/waste's featureCsvChunks) through a temporary file. */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { WasteFeatureTable } from '@graphlet/core';
import { featureCsvChunks } from '@graphlet/waste';

/** Streams the table to `path` (through a temporary file renamed at the end). */
export function writeFeatureCsv(path: string, table: WasteFeatureTable, isTrain: Uint8Array): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    for (const chunk of featureCsvChunks(table, isTrain)) writeSync(fd, chunk);
    closeSync(fd);
    renameSync(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
}
