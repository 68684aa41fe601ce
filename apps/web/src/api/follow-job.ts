/**
 * Follows a background job: server-sent events from /api/jobs/:id/events, falling back to polling
 * /api/jobs/:id when EventSource is missing, fails, or cannot carry the bearer token.
 */
import { errorMessage } from './api-error.ts';
import { requestJson } from './http.ts';
import { type Job, jobStatus } from './schemas.ts';
import { readToken } from './token-store.ts';

export interface FollowJobOptions {
  /** Called with every status until the job is done or failed. */
  readonly onStatus: (status: Job) => void;
  /** Called when following stops working (network down, bad answers). */
  readonly onError: (message: string) => void;
  readonly pollMs?: number;
}

const SSE_EVENT_NAMES = ['message', 'progress', 'status', 'job', 'done', 'failed'] as const;

const finished = (status: Job) => status.state === 'done' || status.state === 'failed';

/** Starts following job `jobId`; returns a function that stops. */
export function followJob(jobId: string, options: FollowJobOptions): () => void {
  let stopped = false;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const path = `/api/jobs/${encodeURIComponent(jobId)}`;

  const deliver = (status: Job): boolean => {
    if (stopped) return true;
    options.onStatus(status);
    if (finished(status)) stop();
    return stopped;
  };

  const poll = async (failures = 0): Promise<void> => {
    if (stopped) return;
    try {
      const status = await requestJson(path, jobStatus);
      if (deliver(status)) return;
      timer = setTimeout(() => void poll(0), options.pollMs ?? 500);
    } catch (error) {
      if (failures >= 3) options.onError(errorMessage(error));
      else timer = setTimeout(() => void poll(failures + 1), (options.pollMs ?? 500) * 2);
    }
  };

  function stop(): void {
    stopped = true;
    source?.close();
    if (timer !== undefined) clearTimeout(timer);
  }

  // EventSource cannot send an Authorization header, so a token means polling.
  if (typeof EventSource === 'undefined' || readToken() !== null) {
    void poll();
    return stop;
  }
  source = new EventSource(`${path}/events`);
  const onEvent = (event: MessageEvent<string>) => {
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return;
    }
    const parsed = jobStatus.safeParse(json);
    if (parsed.success) deliver(parsed.data);
  };
  // Unnamed events arrive as `message`; servers often name them, so listen to the usual names too.
  for (const name of SSE_EVENT_NAMES) source.addEventListener(name, onEvent);
  source.onerror = () => {
    if (stopped) return;
    source?.close();
    source = undefined;
    void poll();
  };
  return stop;
}
