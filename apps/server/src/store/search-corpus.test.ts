import type { Trace } from '@graphlet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTrace } from '../import/store-trace.ts';
import {
  expectedSearch,
  searchCorpusTraces,
  searchQueries,
} from '../test-support/search-corpus.ts';
import { openTestStore, STORE_DIALECTS, type TestStore } from '../test-support/test-store.ts';
import type { ImportedSource } from './imported-source.ts';

describe.each(STORE_DIALECTS)('corpus search on %s', (dialect) => {
  let test: TestStore;
  let traces: Trace[];
  beforeAll(async () => {
    traces = await searchCorpusTraces();
    test = await openTestStore(dialect, 'search');
    const source: ImportedSource = {
      id: 's',
      name: 's.sqlite',
      sha256: 's'.padEnd(64, '0'),
      size: 1,
      kind: 'mlmd',
      schemaVersion: 10,
      jobId: null,
      traces: traces.map((t) => storeTrace(t)),
    };
    await test.store.writeImport(source);
  });
  afterAll(async () => {
    await test?.drop();
  });

  it('finds exactly the nodes whose label, type, name or URI holds the text, in write order', async () => {
    for (const query of searchQueries(traces)) {
      const limit = 40;
      const found = await test.store.searchCorpus(query, limit);
      expect(
        { query, hits: found.hits.map((h) => [h.kind, h.traceId, h.nodeId]), more: found.more },
        query,
      ).toEqual({ query, ...expectedSearch(traces, query, limit) });
    }
  });
});
