/** Reads /api/jobs/events in the background for tests: every event parsed, in order. */
import type { Job } from '@graphlet/contract';
import type { Server } from '../create-app.ts';

/** A server-sent event as the test sees it. */
export interface TestEvent {
  readonly event: string;
  readonly data: unknown;
}

/** Opens the corpus event stream; `events` fills as they arrive, `close` ends the stream. */
export async function openEventStream(
  server: Server,
): Promise<{ events: TestEvent[]; close: () => Promise<void> }> {
  const controller = new AbortController();
  const response = await server.app.request('/api/jobs/events', { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: TestEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event !== undefined && data !== undefined)
          events.push({ event, data: JSON.parse(data) });
        end = buffer.indexOf('\n\n');
      }
    }
  })();
  // The stream announces itself first: subscriptions are in place once it has.
  for (let i = 0; i < 500 && !events.some((e) => e.event === 'ready'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    events,
    close: async () => {
      controller.abort();
      await reader.cancel().catch(() => {});
      await reading;
    },
  };
}

/** The `data` of every `job` event in the text of a server-sent event stream. */
export function parseJobEvents(text: string): Job[] {
  return text
    .split('\n\n')
    .filter((block) => /^event: job$/m.test(block))
    .map((block) => JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as Job);
}

/** Every `job` event of one job's stream (/api/jobs/:id/events), read to its end. */
export async function jobEvents(server: Server, id: string): Promise<Job[]> {
  return parseJobEvents(await (await server.app.request(`/api/jobs/${id}/events`)).text());
}
