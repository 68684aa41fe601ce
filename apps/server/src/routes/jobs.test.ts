import type { ErrorBody } from '@graphlet/contract';
import { fixturePath } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { jobEvents, parseJobEvents } from '../test-support/event-stream.ts';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

describe('job routes', () => {
  it('streams an import job as server-sent events until it is done', async () => {
    await withServer(async (server) => {
      const { body } = await uploadJson(
        server,
        fixturePath('tfx-1.15-interactive-two-trainers.sqlite'),
      );
      const response = await server.app.request(`/api/jobs/${body.job!.id}/events`);
      expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
      const events = parseJobEvents(await response.text());
      expect(events.at(-1)).toMatchObject({
        id: body.job!.id,
        state: 'done',
        progress: { tracesImported: 1, graphletsFound: 2 },
      });
      expect(events.length).toBeGreaterThan(1);
      const imported = events.map((e) => Number(e.progress.tracesImported));
      expect(imported).toEqual([...imported].sort((a, b) => a - b));
      // A finished job answers one event and ends.
      const after = await jobEvents(server, body.job!.id);
      expect(after).toEqual([await waitForJob(server, body.job!.id)]);
    });
  });

  it('404 for unknown jobs', async () => {
    await withServer(async (server) => {
      for (const path of ['/api/jobs/42', '/api/jobs/abc', '/api/jobs/42/events']) {
        const { status, body } = await getJson<ErrorBody>(server, path);
        expect(status).toBe(404);
        expect(body.error.message).toMatch(/no job with id/);
      }
    });
  });
});
