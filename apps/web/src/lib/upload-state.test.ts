import { describe, expect, it } from 'vitest';
import type { Job } from '../api/schemas.ts';
import { CANCELED_MESSAGE, type UploadFacts, uploadFraction, uploadState } from './upload-state.ts';

const job = (state: Job['state'], progress: Job['progress'] = {}): Job => ({
  id: 'j1',
  kind: 'import',
  state,
  progress,
});
const facts = (patch: Partial<UploadFacts>): UploadFacts => ({
  fileName: 'store.sqlite',
  status: 'pending',
  sending: null,
  job: null,
  result: undefined,
  error: null,
  ...patch,
});

describe('uploadState', () => {
  it('is idle before an upload', () => {
    expect(uploadState(facts({ status: 'idle', fileName: undefined }))).toEqual({ phase: 'idle' });
  });

  it('sends until the server answers with a job, then follows the job', () => {
    const sending = uploadState(facts({ sending: { sent: 250, total: 1000 } }));
    expect(sending).toEqual({ phase: 'sending', fileName: 'store.sqlite', sent: 250, total: 1000 });
    expect(uploadFraction(sending)).toBe(0.25);
    const importing = uploadState(
      facts({ job: job('running', { bytesRead: 300, bytesTotal: 1000, tracesImported: 2 }) }),
    );
    expect(importing).toMatchObject({ phase: 'importing', state: 'running' });
    expect(uploadFraction(importing)).toBe(0.3);
    expect(uploadState(facts({ job: job('queued') }))).toMatchObject({ state: 'queued' });
  });

  it('says a canceled import stored nothing', () => {
    expect(uploadState(facts({ job: job('canceled') }))).toEqual({
      phase: 'failed',
      fileName: 'store.sqlite',
      message: CANCELED_MESSAGE,
    });
  });

  it('shows a finished job at once, before the mutation settles', () => {
    const done = job('done', { tracesImported: 3, graphletsFound: 9 });
    expect(uploadState(facts({ job: done }))).toEqual({
      phase: 'done',
      fileName: 'store.sqlite',
      progress: { bytesRead: undefined, bytesTotal: undefined, traces: 3, graphlets: 9 },
      alreadyImported: false,
    });
    expect(
      uploadState(facts({ job: { ...job('failed'), error: { code: 'x', message: 'bad' } } })),
    ).toEqual({ phase: 'failed', fileName: 'store.sqlite', message: 'bad' });
  });

  it('reads how the mutation ended', () => {
    expect(
      uploadState(facts({ status: 'success', result: { job: null, alreadyImported: true } })),
    ).toMatchObject({ phase: 'done', alreadyImported: true, progress: {} });
    expect(uploadState(facts({ status: 'error', error: new Error('network down') }))).toEqual({
      phase: 'failed',
      fileName: 'store.sqlite',
      message: 'network down',
    });
  });
});
