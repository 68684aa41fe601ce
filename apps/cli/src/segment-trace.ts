/** Segments one trace for a command, turning the trace's own input errors into CLI errors. */
import { CycleError, type Segmentation, segmentGraphlets, type Trace } from '@graphlet/core';
import { CliError } from './cli-error.ts';

/** `segmentGraphlets(trace)`; a cycle or a malformed trace becomes a CliError naming `file`. */
export function segmentTrace(trace: Trace, file: string): Segmentation {
  try {
    return segmentGraphlets(trace);
  } catch (error) {
    // A cycle or a malformed trace is a problem of the file, not of the program.
    if (
      error instanceof CycleError ||
      (error instanceof Error && error.message.startsWith('core: trace'))
    ) {
      throw new CliError(`${file}: ${error.message.replace(/^core: /, '')}`);
    }
    throw error;
  }
}
