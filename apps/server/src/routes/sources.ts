/** Sources: list, upload (streamed, imported in a job), delete. */
import { rm } from 'node:fs/promises';
import type { SourceKind } from '@graphlet/contract';
import { deleteSourceRoute, listSourcesRoute, uploadSourceRoute } from '@graphlet/contract/routes';
import { sniffFile } from '@graphlet/formats';
import { HTTPException } from 'hono/http-exception';
import { apiError } from '../http/api-error.ts';
import { packageErrorAnswer } from '../http/package-errors.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';
import { nodeRequestBody, type ReceivedUpload, receiveUpload } from '../upload/receive-upload.ts';

/** The source routes. */
export function sourceRoutes(services: Services) {
  const app = createRouter();
  // Documented from the contract; answered as cached JSON text, which the typed route cannot express.
  app.openAPIRegistry.registerPath(listSourcesRoute);
  app.get('/sources', async (c) =>
    c.body(
      await services.cache.jsonOf('sources', async () => ({
        sources: await services.store.listSources(),
      })),
      200,
      { 'content-type': 'application/json' },
    ),
  );

  // Documented from the contract but not validated by it: zod's form validator would buffer the body.
  app.openAPIRegistry.registerPath(uploadSourceRoute);
  app.post('/sources', async (c) => {
    const upload = await receiveUpload(
      c.req.raw,
      {
        tmpDir: services.tmpDir,
        dataDir: services.config.dataDir,
        maxBytes: services.config.maxUploadBytes,
        idleMs: services.config.uploadIdleSeconds * 1000,
      },
      nodeRequestBody(c.env) ?? c.req.raw.body,
    ).catch((error: unknown) => {
      // Refused before its end, the rest of the body is never read: the client must not reuse
      // the connection for its next request.
      c.header('Connection', 'close');
      throw error;
    });
    let kind: SourceKind;
    try {
      kind = recognise(upload);
    } catch (error) {
      await rm(upload.path, { force: true });
      throw error;
    }
    const submission = await services.importer.submit({ ...upload, kind, removeAfter: true });
    const pending =
      submission.job !== null &&
      (submission.job.state === 'queued' || submission.job.state === 'running');
    return c.json(
      { source: { id: submission.sourceId }, job: submission.job },
      pending ? 202 : 200,
    );
  });

  app.openapi(deleteSourceRoute, async (c) => {
    const { id } = c.req.valid('param');
    // A source still importing: its import is canceled and leaves nothing behind.
    const importing = await services.importer.cancelSource(id);
    if (!(await services.store.deleteSource(id)) && !importing)
      throw apiError(404, 'not_found', `sources: no source with id "${id}"`);
    services.cache.invalidateCorpus();
    return c.body(null, 204);
  });
  return app;
}

/**
 * The kind of an upload by content (formats' sniffer); throws 415 for neither kind, 422 for an
 * SQLite store whose header contradicts its size, naming the upload rather than its temp file.
 */
function recognise(upload: ReceivedUpload): SourceKind {
  try {
    return sniffFile(upload.path) === 'sqlite' ? 'mlmd' : 'json';
  } catch (error) {
    const typed = packageErrorAnswer(error);
    if (typed === undefined) throw error;
    throw new HTTPException(typed.status, {
      message: `upload: ${upload.name}: ${typed.problem}`,
      cause: { code: typed.code },
    });
  }
}
