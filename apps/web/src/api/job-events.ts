/**
 * A background job's documents as an async iterable, the stream behind `jobQuery`: server-sent
 * events from /api/jobs/:id/events, falling back to polling /api/jobs/:id when EventSource is
 * missing, fails, or cannot carry the bearer token. It ends with the done, failed or canceled document, or
 * when `signal` aborts; polling gives up (throws) after four failures in a row.
 */
import { requestJson } from './http.ts';
import { type Job, jobStatus } from './schemas.ts';
import { readToken } from './token-store.ts';

/** Unnamed events arrive as `message`; the server names its events `job`. */
const SSE_EVENT_NAMES = ['message', 'job'] as const;
const POLL_FAILURES = 3;

/** True once a job can change no more. */
export const isFinished = (job: Job): boolean =>
  job.state === 'done' || job.state === 'failed' || job.state === 'canceled';

/** Every document of job `jobId` from now until it finishes. */
export async function* jobEvents(
  jobId: string,
  signal: AbortSignal,
  pollMs = 500,
): AsyncGenerator<Job, void> {
  const path = `/api/jobs/${encodeURIComponent(jobId)}`;
  // EventSource cannot send an Authorization header, so a token means polling.
  if (typeof EventSource !== 'undefined' && readToken() === null) {
    if (yield* streamedJobs(`${path}/events`, signal)) return;
  }
  yield* polledJobs(path, signal, pollMs);
}

/** Job documents from the event stream; returns true when the job finished, false when it broke. */
async function* streamedJobs(url: string, signal: AbortSignal): AsyncGenerator<Job, boolean> {
  const source = new EventSource(url);
  const queue: Job[] = [];
  let broken = false;
  let wake = () => {};
  const onEvent = (event: MessageEvent<string>) => {
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = jobStatus.safeParse(json);
    if (!parsed.success) return;
    queue.push(parsed.data);
    wake();
  };
  for (const name of SSE_EVENT_NAMES) source.addEventListener(name, onEvent);
  source.onerror = () => {
    broken = true;
    wake();
  };
  signal.addEventListener('abort', () => wake(), { once: true });
  try {
    for (;;) {
      const job = queue.shift();
      if (job !== undefined) {
        yield job;
        if (isFinished(job)) return true;
      } else if (broken || signal.aborted) {
        return false;
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    source.close();
  }
}

/** Job documents from polling until the job finishes or `signal` aborts. */
async function* polledJobs(path: string, signal: AbortSignal, pollMs: number) {
  let failures = 0;
  while (!signal.aborted) {
    let job: Job;
    try {
      job = await requestJson(path, jobStatus, { signal });
      failures = 0;
    } catch (error) {
      if (signal.aborted) return;
      if (++failures > POLL_FAILURES) throw error;
      await sleep(pollMs * 2, signal);
      continue;
    }
    yield job;
    if (isFinished(job)) return;
    await sleep(pollMs, signal);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
