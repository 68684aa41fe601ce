import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type GraphletDetail,
  GraphletDetailSchema,
  type GraphletList,
  type StatsDocument,
  type TraceList,
} from '@graphlet/contract';
import { FAILED_TRAINERS_EXPECTED, failedTrainersTrace } from '@graphlet/core/testing';
import { writeMlmdStore } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { getJson, uploadJson, waitForJob, withServer } from '../test-support/test-server.ts';

/** failedTrainersTrace() written with the project's MLMD writer, as a store file's bytes. */
function failedTrainersStore(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'failed-trainers-'));
  try {
    const path = join(dir, 'failed-trainers.sqlite');
    writeMlmdStore(path, [failedTrainersTrace()]);
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a store with failed trainers', () => {
  it('keeps their graphlets marked failed, counts them apart and says why nothing else pushed', async () => {
    await withServer(async (server) => {
      const { body } = await uploadJson(server, failedTrainersStore(), 'failed-trainers.sqlite');
      expect(await waitForJob(server, body.job!.id)).toMatchObject({ state: 'done' });
      const [trace] = (await getJson<TraceList>(server, '/api/traces')).body.traces;
      expect(trace).toMatchObject({ graphlets: 8, failedGraphlets: 4, pushedShare: 0.25 });

      const { graphlets } = (
        await getJson<GraphletList>(server, `/api/traces/${trace!.id}/graphlets`)
      ).body;
      expect(graphlets.map((g) => g.failed)).toEqual(FAILED_TRAINERS_EXPECTED.failed);
      expect(graphlets.filter((g) => g.pushed)).toHaveLength(1);

      const kinds: string[] = [];
      for (const g of graphlets) {
        const detail = await getJson<GraphletDetail>(
          server,
          `/api/traces/${trace!.id}/graphlets/${g.trainer}`,
        );
        const parsed = GraphletDetailSchema.parse(detail.body);
        kinds.push(parsed.pushOutcome.kind);
        expect(parsed.pushPrediction).toBeUndefined();
      }
      expect(kinds).toEqual(FAILED_TRAINERS_EXPECTED.outcomes);

      const stats = (await getJson<StatsDocument>(server, `/api/stats?traces=${trace!.id}`)).body;
      expect(stats.corpus).toMatchObject({
        graphlets: 8,
        completedGraphlets: 4,
        failedTrainerGraphlets: 4,
        pushedShare: 0.25,
      });
      expect(stats.corpus.failedCompute.cpuSeconds).toBe(4 * (100 + 300));
    });
  });
});
