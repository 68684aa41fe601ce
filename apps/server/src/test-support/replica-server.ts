/**
 * Test helper for REDIS_URL mode: two API servers on one data folder and one queue prefix, seen
 * as one Server whose requests alternate between them (as a load balancer would send them), so
 * a job started through one is followed, canceled and served through the other.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Server } from '../create-app.ts';

const replicasOfServer = new WeakMap<Server, readonly Server[]>();

/** The API processes behind `server`: its replicas, or the server itself. */
export function replicasOf(server: Server): readonly Server[] {
  return replicasOfServer.get(server) ?? [server];
}

/** One Server over `replicas`: each request goes to the next replica in turn. */
export function roundRobin(replicas: readonly Server[]): Server {
  let next = 0;
  const pick = () => replicas[next++ % replicas.length]!;
  const app = {
    request: (...args: Parameters<OpenAPIHono['request']>) => pick().app.request(...args),
    fetch: (...args: Parameters<OpenAPIHono['fetch']>) => pick().app.fetch(...args),
  } as unknown as OpenAPIHono;
  const first = replicas[0]!;
  const server: Server = {
    app,
    config: first.config,
    cache: first.cache,
    tasks: first.tasks,
    demo: first.demo,
    ready: Promise.all(replicas.map((r) => r.ready)).then(() => {}),
    close: async () => {
      await Promise.all(replicas.map((r) => r.close()));
    },
  };
  replicasOfServer.set(server, replicas);
  return server;
}
