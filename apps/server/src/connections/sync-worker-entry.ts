/**
 * A connection's sync worker thread, kept between syncs (loading one costs more than a poll's
 * reads). Per request it opens the store (so a changed password or a revoked user counts at the
 * next poll), posts the stored form of every pipeline (first sync) or of the pipelines touched
 * since the watermark (later syncs) one at a time, and closes it. It waits for the main thread's
 * acknowledgements so that at most WINDOW segmented traces are in flight: memory stays bounded
 * on stores of any size.
 */
import { parentPort } from 'node:worker_threads';
import {
  FormatError,
  type MlmdStore,
  openMlmdStore,
  readChanges,
  readWatermark,
} from '@graphlet/formats';
import { storeTrace } from '../import/store-trace.ts';
import type {
  SyncCounts,
  SyncWorkerAck,
  SyncWorkerInput,
  SyncWorkerMessage,
} from './sync-messages.ts';

const WINDOW = 2;
const port = parentPort!;
const post = (message: SyncWorkerMessage) => port.postMessage(message);

let unacknowledged = 0;
let wake = () => {};

port.on('message', (message: SyncWorkerInput | SyncWorkerAck) => {
  if (message.type === 'ack') {
    unacknowledged--;
    wake();
    return;
  }
  unacknowledged = 0;
  void run(message).catch((error: unknown) => {
    post(
      error instanceof FormatError
        ? { sync: message.sync, type: 'failed', code: error.code, problem: error.problem }
        : {
            sync: message.sync,
            type: 'failed',
            code: 'internal',
            problem: (error as Error).message ?? String(error),
          },
    );
  });
});

async function run(input: SyncWorkerInput): Promise<void> {
  const store = await openMlmdStore(input.location, { roleOverrides: input.roleOverrides });
  try {
    await read(input, store);
  } finally {
    // A broken connection closes at once; a hung close must not hold the failure back.
    void store.close().catch(() => {});
  }
}

async function read(input: SyncWorkerInput, store: MlmdStore): Promise<void> {
  if (input.watermark === null) {
    // Taken before the full read: whatever lands during it is read again next time.
    const watermark = await readWatermark(store);
    await postTraces(input.sync, store, undefined);
    const changes: SyncCounts = { executions: 0, artifacts: 0, events: 0, stateChanges: 0 };
    post({ sync: input.sync, type: 'done', watermark: JSON.stringify(watermark), changes });
    return;
  }
  const changes = await readChanges(store, JSON.parse(input.watermark));
  if (changes.pipelines.length > 0) await postTraces(input.sync, store, changes.pipelines);
  post({
    sync: input.sync,
    type: 'done',
    watermark: JSON.stringify(changes.watermark),
    changes: {
      executions: changes.executions.length,
      artifacts: changes.artifacts.length,
      events: changes.events.length,
      stateChanges: changes.stateChanges.length,
    },
  });
}

async function postTraces(
  sync: number,
  store: MlmdStore,
  only: readonly string[] | undefined,
): Promise<void> {
  const total = only?.length ?? (await store.pipelines()).length;
  post({ sync, type: 'opened', schemaVersion: store.schemaVersion, pipelines: total });
  for await (const trace of store.traces(only)) {
    while (unacknowledged >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
    unacknowledged++;
    // Layouts are made on a trace's first request (cache/trace-entries.ts).
    post({ sync, type: 'trace', trace: storeTrace(trace, { layout: false }) });
  }
}
