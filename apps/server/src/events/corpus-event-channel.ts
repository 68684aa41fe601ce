/**
 * Corpus events across processes (REDIS_URL): a worker process running a connection's sync
 * publishes the traces it wrote and the connection's state changes on Redis; every API process
 * relays them to its open pages (/api/jobs/events), whichever API started the sync. Messages
 * carry ids only (never a connection's location or password).
 */
import type { CorpusChange } from '@graphlet/contract';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { corpusChannel } from '../cache/corpus-channel.ts';
import type { CorpusEvents } from './corpus-events.ts';

const eventsChannel = (prefix: string) => `${prefix}:corpus-events`;

const RemoteEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('change'),
    change: z.object({ sourceId: z.string(), traces: z.array(z.string()) }),
  }),
  z.object({ type: z.literal('connection'), id: z.string() }),
]);
type RemoteEvent = z.infer<typeof RemoteEventSchema>;

/** A worker's side: publishes changes, connection states and cache drops to the API processes. */
export interface CorpusEventPublisher {
  changed(sourceId: string, traces: readonly string[]): void;
  connection(id: string): void;
  /** Every API process drops its corpus-derived cache entries. */
  invalidate(): void;
  close(): void;
}

/** Publishes on `redisUrl` under `prefix` (see the module comment). */
export function publishCorpusEvents(redisUrl: string, prefix: string): CorpusEventPublisher {
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  pub.on('error', () => {});
  const send = (event: RemoteEvent) =>
    void pub.publish(eventsChannel(prefix), JSON.stringify(event)).catch(() => {});
  return {
    changed: (sourceId, traces) => {
      if (traces.length > 0) send({ type: 'change', change: { sourceId, traces: [...traces] } });
    },
    connection: (id) => send({ type: 'connection', id }),
    // The corpus channel's message is the sender's id; a worker's is never an API's own.
    invalidate: () => void pub.publish(corpusChannel(prefix), 'worker').catch(() => {}),
    close: () => pub.disconnect(),
  };
}

/**
 * An API's side: relays what workers publish to `events`; a connection's state is read again
 * here (`announce`), so pages get the document this process answers.
 */
export function relayCorpusEvents(
  redisUrl: string,
  prefix: string,
  events: CorpusEvents,
  announce: (id: string) => Promise<void>,
): { close(): void } {
  const sub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  sub.on('error', () => {});
  sub.subscribe(eventsChannel(prefix)).catch(() => {});
  sub.on('message', (_channel, message: string) => {
    let event: RemoteEvent;
    try {
      event = RemoteEventSchema.parse(JSON.parse(message));
    } catch {
      return;
    }
    if (event.type === 'change')
      events.publish({ type: 'change', change: event.change as CorpusChange });
    else void announce(event.id).catch(() => {});
  });
  return { close: () => sub.disconnect() };
}
