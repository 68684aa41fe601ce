/** First start: an empty store imports the seeded demo corpus through the ordinary import path. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDemoCorpus } from '@graphlet/synth';
import type { Services } from '../services.ts';

/**
 * Imports the demo corpus into a store that never held anything (no source, no job: a user who
 * deleted the demo does not get it back); resolves with the import job's id, or null.
 */
export async function loadDemoCorpus(services: Services): Promise<string | null> {
  // Let the caller finish starting up first: generating the corpus takes a moment.
  await new Promise((resolve) => setImmediate(resolve));
  const { store } = services;
  if ((await store.listSources()).length > 0 || (await store.hasJobs())) return null;
  const path = join(services.config.dataDir, 'demo', 'demo.sqlite');
  ensureDemoCorpus(path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  const { size } = await stat(path);
  const submission = await services.importer.submit({
    path,
    name: 'demo.sqlite',
    sha256: hash.digest('hex'),
    size,
    kind: 'mlmd',
    removeAfter: false,
  });
  return submission.job?.id ?? null;
}
