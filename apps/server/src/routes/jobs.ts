/** Jobs: the current document, cancellation, server-sent events of one job and of every job. */
import { isFinalJob, type Job } from '@graphlet/contract';
import {
  cancelJobRoute,
  corpusEventsRoute,
  getJobRoute,
  jobEventsRoute,
} from '@graphlet/contract/routes';
import { streamSSE } from 'hono/streaming';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';

const JOB_EVENT_MS = 500;

/** How often an open job stream reads its job again (a final state it was not told of). */
const RECHECK_MS = 1000;

/** The job routes. */
export function jobRoutes(services: Services) {
  const app = createRouter();
  const find = (id: string): Job => {
    const job = services.jobs.get(id);
    if (job === undefined) throw apiError(404, 'not_found', `jobs: no job with id "${id}"`);
    return job;
  };
  // A job another API process started a moment ago may not have reached this one yet.
  const known = async (id: string): Promise<Job> => {
    await services.jobs.learn(id);
    return find(id);
  };

  // Every job and corpus event, for open pages (a Trace page refetches the traces a sync rebuilt).
  app.openAPIRegistry.registerPath(corpusEventsRoute);
  app.get('/jobs/events', (c) =>
    streamSSE(c, async (stream) => {
      let sending = Promise.resolve();
      let sequence = 0;
      const send = (event: string, data: unknown) => {
        sending = sending.then(() =>
          stream.writeSSE({ event, id: String(sequence++), data: JSON.stringify(data) }),
        );
      };
      // Progress can change thousands of times a second: a job's event is sent on a new state, or
      // at most every JOB_EVENT_MS.
      const lastSent = new Map<string, { state: string; at: number }>();
      const stopJobs = services.jobs.watch((job) => {
        const last = lastSent.get(job.id);
        const now = Date.now();
        if (last !== undefined && last.state === job.state && now - last.at < JOB_EVENT_MS) return;
        if (isFinalJob(job)) lastSent.delete(job.id);
        else lastSent.set(job.id, { state: job.state, at: now });
        send('job', job);
      });
      const stopCorpus = services.events.subscribe((e) =>
        e.type === 'change' ? send('change', e.change) : send('connection', e.connection),
      );
      // A comment now and then keeps proxies from closing an idle stream.
      const keepAlive = setInterval(() => {
        sending = sending.then(() => stream.write(': keep-alive\n\n')).then(() => {});
      }, 25_000);
      send('ready', {});
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(keepAlive);
      stopJobs();
      stopCorpus();
      await sending.catch(() => {});
    }),
  );

  app.openapi(getJobRoute, async (c) => c.json(await known(c.req.valid('param').id), 200));

  app.openapi(cancelJobRoute, async (c) => {
    const id = c.req.valid('param').id;
    await known(id);
    return c.json((await services.jobs.cancel(id)) ?? find(id), 200);
  });

  // Documented from the contract; the handler answers a stream, which the typed route cannot express.
  app.openAPIRegistry.registerPath(jobEventsRoute);
  app.get('/jobs/:id/events', async (c) => {
    const id = c.req.param('id');
    await known(id);
    return streamSSE(c, async (stream) => {
      let finish = () => {};
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
      let sending = Promise.resolve();
      let sequence = 0;
      let ended = false;
      const send = (job: Job) => {
        if (ended) return;
        sending = sending.then(() =>
          stream.writeSSE({ event: 'job', id: String(sequence++), data: JSON.stringify(job) }),
        );
        if (isFinalJob(job)) {
          ended = true;
          finish();
        }
      };
      // Subscribe before reading the current state, so no change falls in between.
      const unsubscribe = services.jobs.subscribe(id, send);
      stream.onAbort(finish);
      send(find(id));
      // Another API process may have run the job to its end before this one subscribed, with
      // this one's row not yet updated: the job is read again until it ends.
      const recheck = setInterval(() => {
        known(id)
          .then((job) => isFinalJob(job) && send(job))
          .catch(() => {});
      }, RECHECK_MS);
      await finished;
      clearInterval(recheck);
      unsubscribe();
      await sending;
    });
  });
  return app;
}
