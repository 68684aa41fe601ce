/** Segments one trace for a command; a cycle or a malformed trace is reported naming the file. */
import { type Segmentation, segmentGraphlets, type Trace } from '@graphlet/core';
import { inFile } from './cli-error.ts';

/** `segmentGraphlets(trace)`; a TraceError is reported as `file`'s. */
export function segmentTrace(trace: Trace, file: string): Segmentation {
  return inFile(file, () => segmentGraphlets(trace));
}
