/** A feature source for the tests: `spec` is a JSON file holding an array of traces. */
import { readFileSync } from 'node:fs';
import type { Trace } from '@graphlet/core';
import type { FeatureSource } from './feature-source.ts';

/** Reads the whole file; items are positions in the array. */
export function openFeatureSource(spec: string): FeatureSource {
  const traces = JSON.parse(readFileSync(spec, 'utf8')) as Trace[];
  return {
    read: (item) => {
      const trace = traces[Number(item)];
      return trace === undefined ? undefined : { trace };
    },
    close: () => {},
  };
}
