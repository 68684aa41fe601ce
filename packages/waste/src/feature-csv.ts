/**
 * The waste feature table as CSV so any tool can redo the experiment: `pipeline`, `graphlet`
 * (trainer execution id), `split`, `pushed` (0/1), `cost` (CPU seconds), then every feature by
 * its group-prefixed name; a missing value (NaN) is an empty cell. Pure: callers write the text.
 */
import type { WasteFeatureTable } from '@graphlet/core';

const CHUNK = 1 << 20;

/** Quotes a CSV cell when it holds a comma, quote or line break (RFC 4180). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The columns before the features: which graphlet a row is, its split, label and cost. */
export const FEATURE_CSV_KEY_COLUMNS = ['pipeline', 'graphlet', 'split', 'pushed', 'cost'] as const;

/**
 * The CSV in chunks of about `chunkSize` characters (whole lines), for streaming to a file.
 * @example for (const chunk of featureCsvChunks(table, split.isTrain)) writeSync(fd, chunk);
 */
export function* featureCsvChunks(
  table: WasteFeatureTable,
  isTrain: Uint8Array,
  chunkSize = CHUNK,
): Generator<string> {
  const header = [...FEATURE_CSV_KEY_COLUMNS, ...table.features.map((f) => f.name)];
  let buffer = `${header.map(csvCell).join(',')}\n`;
  const names = table.pipelines.map(csvCell);
  const nf = table.nFeatures;
  for (let r = 0; r < table.nRows; r++) {
    let line = `${names[table.pipeline[r]!]},${table.trainer[r]},${isTrain[r] === 1 ? 'train' : 'test'},${table.pushed[r]},${table.cost[r]}`;
    for (let c = 0; c < nf; c++) line += `,${float32Cell(table.columns[c]![r]!)}`;
    buffer += `${line}\n`;
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/**
 * A single-precision table value in the fewest significant digits (6 to 9; 9 suffice for any
 * float32) that read back to it, so 0.1 prints as 0.1; an empty cell for NaN.
 */
export function float32Cell(v: number): string {
  if (Number.isNaN(v)) return '';
  if (Number.isInteger(v) && Math.abs(v) <= 16_777_216) return String(v);
  for (let digits = 6; digits < 9; digits++) {
    const shorter = Number(v.toPrecision(digits));
    if (Math.fround(shorter) === v) return String(shorter);
  }
  return String(Number(v.toPrecision(9)));
}

/** The whole CSV as one string (small tables; stream featureCsvChunks for large ones). */
export function featureCsv(table: WasteFeatureTable, isTrain: Uint8Array): string {
  return [...featureCsvChunks(table, isTrain)].join('');
}
