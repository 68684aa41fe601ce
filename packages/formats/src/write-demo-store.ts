/**
 * Regenerates packages/formats/test-data/demo.sqlite, the MLMD store the README's first command
 * segments: a seeded synthetic daily TFX pipeline with 12 trainers, written by the MLMD writer.
 *   node packages/formats/src/write-demo-store.ts
 */
import { fileURLToPath } from 'node:url';
import { syntheticTraceForBench } from '@graphlet/core';
import { writeMlmdStore } from './write-mlmd-store.ts';

/** Where the demo store lives. */
export const DEMO_STORE = fileURLToPath(new URL('../test-data/demo.sqlite', import.meta.url));

/** The demo store's traces. */
export function demoTraces() {
  return [{ ...syntheticTraceForBench(12), pipeline: 'demo-daily-tfx' }];
}

if (import.meta.main) writeMlmdStore(DEMO_STORE, demoTraces(), { overwrite: true });
