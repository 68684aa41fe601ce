/**
 * Reads the corpus source by source and pipeline by pipeline into the waste feature table; each
 * source's traces are dropped once their rows are in the table.
 */
import type { FeatureOptions, RoleOverride, WasteFeatureTable } from '@graphlet/core';
import { isStoreUrl } from '@graphlet/formats';
import { createWasteTableBuilder } from '@graphlet/waste';
import { inFile } from '../cli-error.ts';
import { loadTraces, sourceLabel, streamTraces } from '../load-traces.ts';

/** Builds the feature table of FILEs or store URLs; `progress` receives one line per source. */
export async function buildWasteTable(
  files: readonly string[],
  roles: readonly RoleOverride[],
  options: Partial<FeatureOptions>,
  progress: (line: string) => void,
): Promise<WasteFeatureTable> {
  const builder = createWasteTableBuilder(options);
  for (const file of files) {
    const started = performance.now();
    const label = sourceLabel(file);
    // A file is read whole (one scan per table); a database pipeline by pipeline.
    const traces = isStoreUrl(file)
      ? streamTraces(file, roles)
      : (await loadTraces(file, roles)).traces;
    let rows = 0;
    let pipelines = 0;
    for await (const trace of traces) {
      pipelines++;
      rows += inFile(label, () => builder.add(trace, label));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`waste: ${label}: ${pipelines} pipeline(s), ${rows} graphlet row(s) in ${seconds} s`);
  }
  return builder.finish().table;
}
