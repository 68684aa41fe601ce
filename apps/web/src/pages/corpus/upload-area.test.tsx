import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../api/query-keys.ts';
import { saveToken } from '../../api/token-store.ts';
import { FakeEventSource } from '../../test/fake-event-source.ts';
import { renderAt, stubFetch } from '../../test/render-app.tsx';
import { UploadArea } from './upload-area.tsx';

/** A minimal XMLHttpRequest stand-in the test drives by hand. */
class FakeXhr {
  static last: FakeXhr | undefined;
  status = 0;
  responseText = '';
  upload: {
    onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  sent: unknown;
  constructor() {
    FakeXhr.last = this;
  }
  open() {}
  setRequestHeader() {}
  abort() {}
  send(body: unknown) {
    this.sent = body;
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const job = (state: string, progress: Record<string, number> = {}, extra = {}) => ({
  id: 'j1',
  kind: 'import',
  state,
  progress,
  ...extra,
});

const chooseFile = (name = 'store.sqlite') => {
  const input = screen.getByLabelText(/Choose an MLMD SQLite store/) as HTMLInputElement;
  const file = new File(['x'.repeat(1000)], name);
  fireEvent.change(input, { target: { files: [file] } });
};

/** The request the upload opened (the mutation starts it a moment after the file is chosen). */
const request = async () => {
  await waitFor(() => expect(FakeXhr.last).toBeDefined());
  return FakeXhr.last!;
};

/** The event stream the import job is followed on. */
const stream = async () => {
  await waitFor(() => expect(FakeEventSource.last?.url).toBe('/api/jobs/j1/events'));
  return FakeEventSource.last!;
};

const bar = () => screen.getByRole('progressbar');

beforeEach(() => {
  FakeXhr.last = undefined;
  FakeEventSource.last = undefined;
  sessionStorage.clear();
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal('fetch', stubFetch({}));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UploadArea', () => {
  it('shows bytes sent, then the import job over server-sent events, then the result', async () => {
    const { queryClient } = renderAt(<UploadArea />);
    queryClient.setQueryData(queryKeys.traces(), { traces: [] });
    chooseFile();
    const xhr = await request();
    expect(xhr.sent).toBeInstanceOf(FormData);
    expect((xhr.sent as FormData).get('file')).toBeInstanceOf(File);
    expect(screen.getByRole('button', { name: 'Upload a store…' })).toHaveProperty(
      'disabled',
      true,
    );

    act(() => xhr.upload.onprogress?.({ loaded: 250, total: 1000, lengthComputable: true }));
    await waitFor(() => expect(bar().getAttribute('aria-valuenow')).toBe('25'));
    expect(screen.getByText(/Uploading 250 B of 1000 B/)).toBeTruthy();

    act(() => xhr.respond(202, { source: { id: 's1' }, job: job('queued') }));
    const events = await stream();
    await screen.findByText(/Waiting to import/);
    act(() =>
      events.emit(
        'job',
        job('running', { bytesRead: 600, bytesTotal: 1000, tracesImported: 2, graphletsFound: 5 }),
      ),
    );
    await screen.findByText(/2 traces · 5 graphlets/);
    expect(bar().getAttribute('aria-valuenow')).toBe('60');
    expect(queryClient.getQueryState(queryKeys.traces())?.isInvalidated).toBe(false);

    act(() =>
      events.emit(
        'job',
        job('done', { bytesRead: 1000, bytesTotal: 1000, tracesImported: 3, graphletsFound: 9 }),
      ),
    );
    await screen.findByText(/Imported 3 traces and 9 graphlets/);
    await waitFor(() => expect(events.closed).toBe(true));
    // The lists computed from the corpus are refreshed; the button is free again.
    await waitFor(() =>
      expect(queryClient.getQueryState(queryKeys.traces())?.isInvalidated).toBe(true),
    );
    expect(screen.getByRole('button', { name: 'Upload a store…' })).toHaveProperty(
      'disabled',
      false,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Imported 3 traces/)).toBeNull();
  });

  it('says so when the file was imported before, and refreshes the lists', async () => {
    const { queryClient } = renderAt(<UploadArea />);
    queryClient.setQueryData(queryKeys.sources(), { sources: [] });
    chooseFile();
    const xhr = await request();
    act(() => xhr.respond(200, { source: { id: 's1' }, job: null }));
    await screen.findByText(/Already imported: this file is in the corpus/);
    expect(FakeEventSource.last).toBeUndefined();
    expect(queryClient.getQueryState(queryKeys.sources())?.isInvalidated).toBe(true);
  });

  it("shows the server's message for a rejected file", async () => {
    renderAt(<UploadArea />);
    chooseFile('notes.txt');
    const xhr = await request();
    act(() =>
      xhr.respond(415, {
        error: {
          code: 'unsupported_media_type',
          message: 'sources: not an SQLite database or JSON',
        },
      }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'not an SQLite database or JSON',
    );
  });

  it('explains a 413 even without an error body', async () => {
    renderAt(<UploadArea />);
    chooseFile();
    const xhr = await request();
    act(() => {
      xhr.status = 413;
      xhr.responseText = 'Payload Too Large';
      xhr.onload?.();
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'larger than the server accepts',
    );
  });

  it('reports a failed import job', async () => {
    renderAt(<UploadArea />);
    chooseFile();
    const xhr = await request();
    act(() => xhr.respond(202, { source: { id: 's1' }, job: job('running') }));
    const events = await stream();
    act(() =>
      events.emit(
        'job',
        job(
          'failed',
          {},
          { error: { code: 'invalid_file', message: 'import: the store has a cycle' } },
        ),
      ),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('the store has a cycle');
  });

  it('polls the job when the event stream breaks', async () => {
    const polled = [
      job('running', { tracesImported: 1, graphletsFound: 2 }),
      job('done', { tracesImported: 4, graphletsFound: 8 }),
    ];
    const fetchMock = vi.fn(async (_url: RequestInfo | URL) => Response.json(polled.shift()));
    vi.stubGlobal('fetch', fetchMock);
    renderAt(<UploadArea />);
    chooseFile();
    const xhr = await request();
    act(() => xhr.respond(202, { source: { id: 's1' }, job: job('queued') }));
    const events = await stream();
    act(() => events.fail());
    await screen.findByText(/Imported 4 traces and 8 graphlets/, {}, { timeout: 3000 });
    expect(events.closed).toBe(true);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual([
      '/api/jobs/j1',
      '/api/jobs/j1',
    ]);
  });

  it('polls with the bearer token when one is stored (EventSource cannot send it)', async () => {
    saveToken('secret');
    const fetchMock = vi.fn(async (_url: unknown, init?: RequestInit) =>
      Response.json(
        new Headers(init?.headers).get('authorization') === 'Bearer secret'
          ? job('done', { tracesImported: 1, graphletsFound: 1 })
          : { error: { code: 'unauthorized', message: 'no token' } },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderAt(<UploadArea />);
    chooseFile();
    const xhr = await request();
    act(() => xhr.respond(202, { source: { id: 's1' }, job: job('queued') }));
    // One of each: singular words (Intl.PluralRules through countOf), never "1 traces".
    await screen.findByText(/Imported 1 trace and 1 graphlet\./);
    expect(FakeEventSource.last).toBeUndefined();
  });
});
