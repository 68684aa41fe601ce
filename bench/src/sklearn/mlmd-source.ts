// The benchmark's feature source (@graphlet/waste/node): an MLMD store read pipeline by pipeline.

import { openMlmdPipelines } from '@graphlet/formats';
import type { FeatureSource } from '@graphlet/waste/node';

/** Opens the store at `spec` (a path); items are pipeline positions. */
export function openFeatureSource(spec: string): FeatureSource & { readonly pipelines: number } {
  const reader = openMlmdPipelines(spec);
  return {
    pipelines: reader.pipelines.length,
    read: (item) => {
      const trace = reader.read(Number(item));
      return trace === undefined ? undefined : { trace };
    },
    close: () => reader.close(),
  };
}
