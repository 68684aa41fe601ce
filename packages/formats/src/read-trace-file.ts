/**
 * Reads any trace file the project understands, by content: an MLMD SQLite store, or JSON (the
 * project's trace document, OpenLineage events as an array or JSON lines, PROV-JSON, a Kubeflow
 * Pipelines v2 run).
 */
import type { RoleOverride, Trace } from '@graphlet/core';
import { FormatError } from './format-error.ts';
import { checkJsonDepth } from './json-depth.ts';
import { readTextFile } from './json-text.ts';
import { parseTraceDocument } from './json-trace-format.ts';
import { parseKfpRuns } from './kfp/read-kfp-run.ts';
import { parseOpenLineage } from './openlineage/read-openlineage.ts';
import { parseProvJson } from './prov/read-prov-json.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { type JsonFormat, sniffFile, sniffJsonFormat } from './sniff-file.ts';

/** What readTraceFile found: the file kind, its traces, and the MLMD schema version if any. */
export interface TraceFile {
  readonly kind: 'mlmd' | 'json';
  /** Which JSON format, for JSON files. */
  readonly format?: JsonFormat;
  readonly traces: Trace[];
  readonly schemaVersion?: number;
  /** What the reader skipped or could not tell (template placeholders, static events, ...). */
  readonly warnings?: string[];
}

/** Options of every reader. */
export interface ReadOptions {
  readonly roleOverrides?: readonly RoleOverride[];
}

/** Reads an MLMD SQLite store or a JSON file; throws FormatError on bad input. */
export function readTraceFile(path: string, options: ReadOptions = {}): TraceFile {
  if (sniffFile(path) === 'json') return parseJsonTraces(readTextFile(path), path, options);
  const { traces, schemaVersion } = readMlmdStore(path, options);
  return { kind: 'mlmd', traces, schemaVersion };
}

/** Reads JSON text of any supported format; `file` names it in errors. */
export function parseJsonTraces(raw: string, file: string, options: ReadOptions = {}): TraceFile {
  // A UTF-8 byte order mark (some Windows editors write one) is not part of the JSON.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const format = jsonFormatOf(text, file);
  switch (format) {
    case 'trace':
      return { kind: 'json', format, traces: parseTraceDocument(text, file, options) };
    case 'openlineage': {
      const { traces, warnings } = parseOpenLineage(text, file, options);
      return { kind: 'json', format, traces, warnings };
    }
    case 'prov': {
      const { traces, warnings } = parseProvJson(text, file, options);
      return { kind: 'json', format, traces, warnings };
    }
    case 'kfp':
      return { kind: 'json', format, traces: parseKfpRuns(text, file, options) };
  }
}

function jsonFormatOf(text: string, file: string): JsonFormat {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON lines are OpenLineage's file transport; anything else is broken JSON.
    const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
    try {
      if (sniffJsonFormat(JSON.parse(firstLine)) === 'openlineage') return 'openlineage';
    } catch {
      // Not JSON lines either.
    }
    throw new FormatError('invalid_json', file, `not valid JSON (${(error as Error).message})`);
  }
  checkJsonDepth(value, file, '$');
  const format = sniffJsonFormat(value);
  if (format === undefined) {
    throw new FormatError(
      'invalid_trace',
      file,
      'JSON, but not a trace document, OpenLineage events, PROV-JSON or a Kubeflow Pipelines run',
    );
  }
  return format;
}
