// Worker thread of trainForestParallel: receives a binned table (shared memory), then grows the
// trees whose indices the main thread sends, one message per tree; a pool's worker receives a
// new table for each forest. For predictProbaParallel it adds a coded forest's leaf values for a
// range of rows (everything in shared memory) and answers when done.

import { parentPort } from 'node:worker_threads';
import type { BinnedFeatures } from '../bin-features.ts';
import type { ResolvedForestOptions } from '../forest-options.ts';
import { addForestValues } from '../threshold-codes.ts';
import { trainForestTree } from '../train-forest.ts';
import { type Tree, treeArrays } from '../tree.ts';

/** What the main thread sends every worker first. */
export interface ForestWorkerData {
  readonly bins: SharedArrayBuffer;
  readonly labels: SharedArrayBuffer;
  readonly edges: Float64Array[];
  readonly nRows: number;
  readonly nFeatures: number;
  readonly options: ResolvedForestOptions;
}

/** A finished tree, tagged with the training job it belongs to. */
export interface ForestWorkerTree {
  readonly job: number;
  readonly index: number;
  readonly tree: Tree;
}

/** A range of rows to predict: out[r] += every tree's leaf value, for r in [start, end). */
export interface ForestWorkerPredict {
  readonly job: number;
  readonly predict: {
    readonly nodes: Int32Array;
    readonly roots: Int32Array;
    readonly codes: Uint8Array | Uint16Array;
    readonly nFeatures: number;
    readonly out: Float64Array;
    readonly start: number;
    readonly end: number;
  };
}

/** The answer to a ForestWorkerPredict. */
export interface ForestWorkerPredicted {
  readonly job: number;
  readonly predicted: true;
}

const port = parentPort;
if (port !== null) {
  let table: { binned: BinnedFeatures; labels: Uint8Array; options: ResolvedForestOptions };
  port.on(
    'message',
    (message: ForestWorkerData | ForestWorkerPredict | { job: number; index: number }) => {
      if ('predict' in message) {
        const { nodes, roots, codes, nFeatures, out, start, end } = message.predict;
        addForestValues({ nodes, roots }, codes, nFeatures, out, start, end);
        port.postMessage({ job: message.job, predicted: true } satisfies ForestWorkerPredicted);
        return;
      }
      if (!('job' in message)) {
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
      const tree = trainForestTree(table.binned, table.labels, table.options, message.index);
      port.postMessage(
        { job: message.job, index: message.index, tree } satisfies ForestWorkerTree,
        treeArrays(tree).map((array) => array.buffer as ArrayBuffer),
      );
    },
  );
}
