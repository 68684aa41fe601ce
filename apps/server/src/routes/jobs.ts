/** Jobs: the current document, and server-sent events of it until the job ends. */
import type { Job } from '@graphlet/contract';
import { getJobRoute, jobEventsRoute } from '@graphlet/contract/routes';
import { streamSSE } from 'hono/streaming';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';

const isFinal = (job: Job) => job.state === 'done' || job.state === 'failed';

/** The job routes. */
export function jobRoutes(services: Services) {
  const app = createRouter();
  const find = (id: string): Job => {
    const job = services.jobs.get(id);
    if (job === undefined) throw apiError(404, 'not_found', `jobs: no job with id "${id}"`);
    return job;
  };

  app.openapi(getJobRoute, (c) => c.json(find(c.req.valid('param').id), 200));

  // Documented from the contract; the handler answers a stream, which the typed route cannot express.
  app.openAPIRegistry.registerPath(jobEventsRoute);
  app.get('/jobs/:id/events', (c) => {
    const id = c.req.param('id');
    find(id);
    return streamSSE(c, async (stream) => {
      let finish = () => {};
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      let sending = Promise.resolve();
      let sequence = 0;
      const send = (job: Job) => {
        sending = sending.then(() =>
          stream.writeSSE({ event: 'job', id: String(sequence++), data: JSON.stringify(job) }),
        );
        if (isFinal(job)) finish();
      };
      // Subscribe before reading the current state, so no change falls in between.
      const unsubscribe = services.jobs.subscribe(id, send);
      stream.onAbort(finish);
      send(find(id));
      await finished;
      unsubscribe();
      await sending;
    });
  });
  return app;
}
