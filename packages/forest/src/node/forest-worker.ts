// Worker thread of trainForestParallel: receives the binned table once (shared memory), then
// grows the trees whose indices the main thread sends, one message per tree.

import { parentPort, workerData } from 'node:worker_threads';
import type { BinnedFeatures } from '../bin-features.ts';
import type { ResolvedForestOptions } from '../forest-options.ts';
import { trainForestTree } from '../train-forest.ts';

/** What the main thread hands every worker. */
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
  const data = workerData as ForestWorkerData;
  const binned: BinnedFeatures = {
    nRows: data.nRows,
    nFeatures: data.nFeatures,
    bins: new Uint8Array(data.bins),
    edges: data.edges,
  };
  const labels = new Uint8Array(data.labels);
  port.on('message', (index: number) => {
    const tree = trainForestTree(binned, labels, data.options, index);
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
      { index, tree },
      buffers.map((array) => array.buffer as ArrayBuffer),
    );
  });
}
