/**
 * Builds the waste feature table. Files (MLMD SQLite stores, JSON documents) are read on worker
 * threads, pipeline by pipeline (no store is ever held whole); MLMD database URLs are read
 * pipeline by pipeline on the main thread. Progress goes to stderr.
 */
import { availableParallelism } from 'node:os';
import type { FeatureOptions, RoleOverride, WasteFeatureTable } from '@graphlet/core';
import { isStoreUrl } from '@graphlet/formats';
import { createWasteTableBuilder } from '@graphlet/waste';
import { FeatureSourceError, type PipelineTask, streamFeatureTable } from '@graphlet/waste/node';
import { CliError, inFile } from '../cli-error.ts';
import { sourceLabel, streamTraces } from '../load-traces.ts';
import { fileSpec, openFeatureSource } from './file-feature-source.ts';

/**
 * Pipelines of every FILE as tasks for the feature workers, and the trainer executions (the
 * graphlet bound the memory estimate needs); bad files fail here, early.
 */
export function pipelineTasks(
  files: readonly string[],
  roles: readonly RoleOverride[],
): { readonly tasks: PipelineTask[]; readonly trainers: number } {
  const tasks: PipelineTask[] = [];
  let trainers = 0;
  for (const file of files) {
    const spec = fileSpec(file, roles);
    const source = openFeatureSource(spec);
    try {
      trainers += source.countTrainers();
    } finally {
      source.close();
    }
    for (let i = 0; i < source.pipelines; i++)
      tasks.push({ spec, item: i, key: file, label: file });
  }
  return { tasks, trainers };
}

/**
 * Builds the feature table of FILEs or store URLs (see buildWasteTableOnWorkers and
 * buildWasteTableFromDatabases); `progress` receives the progress lines.
 */
export async function buildWasteTable(
  sources: readonly string[],
  roles: readonly RoleOverride[],
  options: Partial<FeatureOptions>,
  progress: (line: string) => void,
  threads = availableParallelism(),
): Promise<WasteFeatureTable> {
  if (sources.some(isStoreUrl)) {
    return buildWasteTableFromDatabases(sources, roles, options, progress);
  }
  return buildWasteTableOnWorkers(pipelineTasks(sources, roles).tasks, options, threads, progress);
}

/**
 * Builds the feature table of file tasks on worker threads; `progress` receives a line every
 * few seconds. A trace that cannot be segmented fails with a WasteError naming its file.
 */
export async function buildWasteTableOnWorkers(
  tasks: readonly PipelineTask[],
  options: Partial<FeatureOptions>,
  threads: number,
  progress: (line: string) => void,
): Promise<WasteFeatureTable> {
  const started = performance.now();
  let reported = started;
  try {
    const { table } = await streamFeatureTable(tasks, {
      sourceModule: new URL('./file-feature-source.ts', import.meta.url),
      threads,
      featureOptions: options,
      onProgress: ({ pipelinesDone, pipelinesTotal, rows }) => {
        const now = performance.now();
        if (now - reported < 5000 && pipelinesDone < pipelinesTotal) return;
        reported = now;
        const seconds = ((now - started) / 1000).toFixed(1);
        progress(
          `waste: features: ${pipelinesDone}/${pipelinesTotal} pipelines, ${rows} graphlet rows (${seconds} s)`,
        );
      },
    });
    return table;
  } catch (error) {
    // A store that became unreadable while its pipelines were read (its own message names it).
    if (error instanceof FeatureSourceError) throw new CliError(error.message);
    throw error;
  }
}

/** Builds the feature table of MLMD database URLs, pipeline by pipeline on this thread. */
export async function buildWasteTableFromDatabases(
  urls: readonly string[],
  roles: readonly RoleOverride[],
  options: Partial<FeatureOptions>,
  progress: (line: string) => void,
): Promise<WasteFeatureTable> {
  const builder = createWasteTableBuilder(options);
  for (const url of urls) {
    const started = performance.now();
    const label = sourceLabel(url);
    let rows = 0;
    let pipelines = 0;
    for await (const trace of streamTraces(url, roles)) {
      pipelines++;
      rows += inFile(label, () => builder.add(trace, label));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    progress(`waste: ${label}: ${pipelines} pipeline(s), ${rows} graphlet row(s) in ${seconds} s`);
  }
  return builder.finish().table;
}
