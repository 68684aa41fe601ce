/**
 * Writes the waste feature table as CSV so any tool can redo the experiment: `pipeline`,
 * `graphlet` (trainer execution id), `split`, `pushed` (0/1), `cost` (CPU seconds), then every
 * feature by its group-prefixed name; a missing value (NaN) is an empty cell.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { WasteFeatureTable } from '@graphlet/core';

const CHUNK = 1 << 20;

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Streams the table to `path` (through a temporary file renamed at the end). */
export function writeFeatureCsv(path: string, table: WasteFeatureTable, isTrain: Uint8Array): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    const header = [
      'pipeline',
      'graphlet',
      'split',
      'pushed',
      'cost',
      ...table.features.map((f) => f.name),
    ];
    let buffer = `${header.map(csvCell).join(',')}\n`;
    const names = table.pipelines.map(csvCell);
    const nf = table.nFeatures;
    for (let r = 0; r < table.nRows; r++) {
      let line = `${names[table.pipeline[r]!]},${table.trainer[r]},${isTrain[r] === 1 ? 'train' : 'test'},${table.pushed[r]},${table.cost[r]}`;
      for (let c = r * nf; c < (r + 1) * nf; c++) {
        const v = table.values[c]!;
        line += Number.isNaN(v) ? ',' : `,${v}`;
      }
      buffer += `${line}\n`;
      if (buffer.length >= CHUNK) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
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
