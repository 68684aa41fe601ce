/**
 * The CLI's feature source (see @graphlet/waste/node): a spec names a trace file and the role
 * overrides; an MLMD store is read pipeline by pipeline (each worker opens it read-only), a
 * JSON trace document is read whole (such documents hold a few pipelines).
 */
import type { RoleOverride, Trace } from '@graphlet/core';
import { openMlmdPipelines, readTraceFile, sniffFile } from '@graphlet/formats';
import type { FeatureSource } from '@graphlet/waste/node';

interface FileSpec {
  readonly file: string;
  readonly roles: readonly RoleOverride[];
}

/** The spec string of a file and role overrides. */
export function fileSpec(file: string, roles: readonly RoleOverride[]): string {
  return JSON.stringify({ file, roles } satisfies FileSpec);
}

/** Opens the file a spec names; pipelines are read by position. */
export function openFeatureSource(spec: string): FeatureSource & {
  readonly pipelines: number;
  /** Trainer executions: at most one graphlet each (the memory estimate's row bound). */
  countTrainers(): number;
} {
  const { file, roles } = JSON.parse(spec) as FileSpec;
  if (sniffFile(file) === 'json') {
    const traces: (Trace | undefined)[] = readTraceFile(file, { roleOverrides: roles }).traces;
    return {
      pipelines: traces.length,
      countTrainers: () =>
        traces.reduce(
          (n, t) => n + (t?.executions.filter((e) => e.role === 'trainer').length ?? 0),
          0,
        ),
      read: (item) => {
        const trace = traces[Number(item)];
        return trace === undefined ? undefined : { trace };
      },
      close: () => {
        traces.length = 0;
      },
    };
  }
  const reader = openMlmdPipelines(file, { roleOverrides: roles });
  return {
    pipelines: reader.pipelines.length,
    countTrainers: () => reader.countExecutions('trainer'),
    read: (item) => {
      const trace = reader.read(Number(item));
      return trace === undefined ? undefined : { trace };
    },
    close: () => reader.close(),
  };
}
