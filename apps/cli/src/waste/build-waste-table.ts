/**
 * Reads the corpus file by file and pipeline by pipeline into the waste feature table; each
 * file's traces are dropped once their rows are in the table.
 */
import type { FeatureOptions, RoleOverride, WasteFeatureTable } from '@graphlet/core';
import { createWasteTableBuilder } from '@graphlet/waste';
import { inFile } from '../cli-error.ts';
import { loadTraces } from '../load-traces.ts';

/** Builds the feature table of FILEs; `progress` receives one line per file. */
export function buildWasteTable(
  files: readonly string[],
  roles: readonly RoleOverride[],
  options: Partial<FeatureOptions>,
  progress: (line: string) => void,
): WasteFeatureTable {
  const builder = createWasteTableBuilder(options);
  for (const file of files) {
    const started = performance.now();
    const traces = loadTraces(file, roles).traces;
    let rows = 0;
    for (const trace of traces) rows += inFile(file, () => builder.add(trace, file));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(
      `waste: ${file}: ${traces.length} pipeline(s), ${rows} graphlet row(s) in ${seconds} s`,
    );
  }
  return builder.finish().table;
}
