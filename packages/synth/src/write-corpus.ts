/**
 * Streams a synthetic corpus into an MLMD SQLite store: one pipeline in memory at a time,
 * written to a temporary file beside the target and renamed into place when complete.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { openMlmdWriter } from '@graphlet/formats';
import { type CorpusOptions, generateCorpusPipeline } from './generate-corpus.ts';

/** Progress of a corpus being written. */
export interface CorpusProgress {
  readonly done: number;
  readonly total: number;
  readonly nodes: number;
  readonly graphlets: number;
  readonly elapsedMs: number;
}

/** Options of writeCorpus beyond size and seed. */
export interface WriteCorpusOptions extends CorpusOptions {
  /** Replace an existing file. */
  readonly force?: boolean;
  /** Called after every pipeline. */
  readonly onProgress?: (progress: CorpusProgress) => void;
}

/** What was written. */
export interface CorpusWriteSummary {
  readonly path: string;
  readonly pipelines: number;
  readonly executions: number;
  readonly artifacts: number;
  readonly events: number;
  readonly trainers: number;
  readonly seconds: number;
}

/** Writes the corpus `options` describes to `path`; refuses an existing file unless `force`. */
export function writeCorpus(path: string, options: WriteCorpusOptions): CorpusWriteSummary {
  if (existsSync(path) && options.force !== true) {
    throw new Error(`synth: ${path} already exists; pass force to overwrite it`);
  }
  const start = performance.now();
  const temp = `${path}.partial-${process.pid}`;
  rmSync(temp, { force: true });
  const writer = openMlmdWriter(temp);
  let executions = 0;
  let artifacts = 0;
  let events = 0;
  let trainers = 0;
  try {
    for (let i = 0; i < options.pipelines; i++) {
      const trace = generateCorpusPipeline(options.seed, i);
      writer.writeTrace(trace);
      executions += trace.executions.length;
      artifacts += trace.artifacts.length;
      events += trace.events.length;
      for (const e of trace.executions) if (e.role === 'trainer') trainers++;
      options.onProgress?.({
        done: i + 1,
        total: options.pipelines,
        nodes: executions + artifacts,
        graphlets: trainers,
        elapsedMs: performance.now() - start,
      });
    }
    writer.close();
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  renameSync(temp, path);
  const seconds = (performance.now() - start) / 1000;
  return { path, pipelines: options.pipelines, executions, artifacts, events, trainers, seconds };
}
