/** Reads a trace file for a command, turning format errors into one-line CLI errors. */
import type { RoleOverride } from '@graphlet/core';
import { FormatError, readTraceFile, type TraceFile } from '@graphlet/formats';
import { CliError } from './cli-error.ts';

/** Reads an MLMD store or JSON trace document; bad input becomes a CliError naming the file. */
export function loadTraces(file: string, roleOverrides: readonly RoleOverride[]): TraceFile {
  try {
    return readTraceFile(file, { roleOverrides });
  } catch (error) {
    if (error instanceof FormatError) throw new CliError(error.message);
    throw error;
  }
}
