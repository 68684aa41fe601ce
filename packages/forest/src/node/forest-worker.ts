// Worker thread of trainForestParallel: receives the binned table once (shared memory), then
// grows the trees whose indices the main thread sends, one message per tree.

import { parentPort } from 'node:worker_threads';
import type { BinnedFeatures } from '../bin-features.ts';
import type { ResolvedForestOptions } from '../forest-options.ts';
import { trainForestTree } from '../train-forest.ts';

/** What the main thread sends every worker first. */
export interface ForestWorkerData {
  readonly bins: SharedArrayBuffer;
  readonly labels: SharedArrayBuffer;
  readonly edges: Float64Array[];
  readonly nRows: number;
  readonly nFeatures: number;
  readonly options: ResolvedForestOptions;
}

const port = parentPort;
if (port !== null) {
  let table: { binned: BinnedFeatures; labels: Uint8Array; options: ResolvedForestOptions };
  port.on('message', (message: ForestWorkerData | number) => {
    if (typeof message !== 'number') {
      table = {
        binned: {
          nRows: message.nRows,
          nFeatures: message.nFeatures,
          bins: new Uint8Array(message.bins),
          edges: message.edges,
        },
        labels: new Uint8Array(message.labels),
        options: message.options,
      };
      return;
    }
    const tree = trainForestTree(table.binned, table.labels, table.options, message);
    const buffers = [
      tree.feature,
      tree.threshold,
      tree.left,
      tree.right,
      tree.missingLeft,
      tree.value,
      tree.importance,
    ];
    port.postMessage(
      { index: message, tree },
      buffers.map((array) => array.buffer as ArrayBuffer),
    );
  });
}
