/**
 * A connection's sync worker thread, kept between syncs (loading one costs more than a poll's
 * reads). Per request it opens the store (so a changed password or a revoked user counts at the
 * next poll), posts the stored form of every pipeline (first sync), of the pipelines touched
 * since the watermark (later syncs) or of the pipelines named (a first sync's task, when it is
 * fanned out per pipeline) one at a time, and closes it. It waits for the main thread's
 * acknowledgements so that at most WINDOW segmented traces are in flight: memory stays bounded
 * on stores of any size.
 */
import { parentPort } from 'node:worker_threads';
import type { Trace } from '@graphlet/core';
import {
  DEFAULT_PIPELINE,
  extendTrace,
  FormatError,
  type MlmdChanges,
  type MlmdStore,
  openMlmdStore,
  readChanges,
  readWatermark,
} from '@graphlet/formats';
import { storeTrace } from '../import/store-trace.ts';
import type { ImportedTrace } from '../store/imported-source.ts';
import type { TraceUpdate } from '../store/replace-trace.ts';
import {
  NO_CHANGES,
  type SyncWorkerAck,
  type SyncWorkerInput,
  type SyncWorkerMessage,
  type SyncWorkerStored,
} from './sync-messages.ts';
import { traceUpdate } from './trace-update.ts';

const WINDOW = 2;
const port = parentPort!;
const post = (message: SyncWorkerMessage) => port.postMessage(message);

let unacknowledged = 0;
let wake = () => {};
let answer: (payload: string | null) => void = () => {};

port.on('message', (message: SyncWorkerInput | SyncWorkerAck | SyncWorkerStored) => {
  if (message.type === 'ack') {
    unacknowledged--;
    wake();
    return;
  }
  if (message.type === 'stored') {
    answer(message.payload);
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
  if (input.only !== undefined) {
    await postTraces(input.sync, store, input.only);
    post({ sync: input.sync, type: 'done', watermark: null, changes: NO_CHANGES });
    return;
  }
  if (input.watermark === null) {
    // Taken before the full read: whatever lands during it is read again next time.
    const watermark = await readWatermark(store);
    await postTraces(input.sync, store, undefined);
    post({
      sync: input.sync,
      type: 'done',
      watermark: JSON.stringify(watermark),
      changes: NO_CHANGES,
    });
    return;
  }
  const changes = await readChanges(store, JSON.parse(input.watermark));
  const unread = await extendStoredTraces(input, changes);
  if (unread.length > 0) await postTraces(input.sync, store, unread);
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

/**
 * Posts each touched pipeline whose stored trace the changes extend (nothing else is read from
 * the store for it); returns the pipelines that must be read whole: new ones, `default`, and
 * those the changes cannot extend.
 */
async function extendStoredTraces(input: SyncWorkerInput, changes: MlmdChanges): Promise<string[]> {
  const unread: string[] = [];
  for (const pipeline of changes.pipelines) {
    const before =
      pipeline === DEFAULT_PIPELINE ? undefined : await storedTrace(input.sync, pipeline);
    const after = before === undefined ? undefined : extendTrace(before, changes);
    if (before === undefined || after === undefined) {
      unread.push(pipeline);
      continue;
    }
    const update = traceUpdate(before, after, changes);
    await postTrace(input.sync, storeTrace(after, { layout: false }), update);
  }
  return unread;
}

async function postTraces(
  sync: number,
  store: MlmdStore,
  only: readonly string[] | undefined,
): Promise<void> {
  const total = only?.length ?? (await store.pipelines()).length;
  post({ sync, type: 'opened', schemaVersion: store.schemaVersion, pipelines: total });
  for await (const trace of store.traces(only)) {
    // Layouts are made on a trace's first request (cache/trace-entries.ts).
    await postTrace(sync, storeTrace(trace, { layout: false }));
  }
}

/** The server's stored trace of a pipeline, asked of the main thread (which owns the store). */
async function storedTrace(sync: number, pipeline: string): Promise<Trace | undefined> {
  // Asked only once the traces posted before it are written, so it reads what they wrote.
  while (unacknowledged > 0) await new Promise<void>((resolve) => (wake = resolve));
  const payload = await new Promise<string | null>((resolve) => {
    answer = resolve;
    post({ sync, type: 'stored', pipeline });
  });
  return payload === null ? undefined : (JSON.parse(payload) as Trace);
}

/** Posts one stored trace once fewer than WINDOW wait to be written. */
async function postTrace(sync: number, trace: ImportedTrace, update?: TraceUpdate): Promise<void> {
  while (unacknowledged >= WINDOW) await new Promise<void>((resolve) => (wake = resolve));
  unacknowledged++;
  post({ sync, type: 'trace', trace, ...(update === undefined ? {} : { update }) });
}
